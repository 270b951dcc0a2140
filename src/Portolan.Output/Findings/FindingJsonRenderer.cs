using System.Text;
using System.Text.Json;

namespace Portolan.Output.Findings;

/// <summary>kind FindingReport (docs/lint.md): the command, counts, the rules applied and every finding in order.</summary>
public static class FindingJsonRenderer
{
    public static void Render(FindingReport report, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonShapes.Options))
        {
            json.WriteStartObject();
            json.WriteString("apiVersion", Schema.ApiVersion);
            json.WriteString("kind", "FindingReport");
            json.WriteString("command", report.Command);
            json.WriteStartObject("summary");
            json.WriteNumber("findings", report.Findings.Count);
            foreach (var severity in new[] { FindingSeverity.Error, FindingSeverity.Warning, FindingSeverity.Info })
                json.WriteNumber(FindingFormat.Severity(severity), report.Count(severity));
            json.WriteEndObject();
            json.WriteStartArray("rules");
            foreach (var rule in report.Rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("name", rule.Name);
                json.WriteString("severity", FindingFormat.Severity(rule.DefaultSeverity));
                json.WriteString("summary", rule.Summary);
                json.WriteString("explanation", rule.Explanation);
                json.WriteString("fixHint", rule.FixHint);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("findings");
            foreach (var finding in report.Sorted)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.RuleId);
                json.WriteString("severity", FindingFormat.Severity(finding.Severity));
                json.WriteString("object", finding.Object);
                json.WriteString("message", finding.Message);
                if (finding.Location is { } location)
                {
                    json.WriteStartObject("location");
                    json.WriteString("file", location.File);
                    if (location.Line > 0) json.WriteNumber("line", location.Line);
                    else json.WriteNull("line");
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNull("location");
                }
                json.WriteStartArray("details");
                foreach (var detail in finding.Details) json.WriteStringValue(detail);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Write('\n');
    }
}
