using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Portolan.Core.Model;

namespace Portolan.Output.Findings;

/// <summary>
/// SARIF 2.1.0 for code scanning (reference/platform-notes.md): every rule of the catalogue with its
/// help, one result per finding with its rule's stable id, a URI relative to the base directory, the
/// start line, and a fingerprint from rule, object and message (not the line), so an alert survives
/// edits elsewhere in the file.
/// </summary>
public static class FindingSarifRenderer
{
    public const string FingerprintKey = "portolanFinding/v1";

    public static void Render(FindingReport report, TextWriter output, string baseDirectory)
    {
        var rules = report.Rules.Select(r => r.Id).ToList();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonShapes.Options))
        {
            json.WriteStartObject();
            json.WriteString("$schema", Sarif.SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, report);
            json.WriteString("columnKind", "unicodeCodePoints");
            json.WriteStartArray("results");
            foreach (var finding in report.Sorted) WriteResult(json, report, finding, rules.IndexOf(finding.RuleId), baseDirectory);
            json.WriteEndArray();
            json.WriteStartObject("properties");
            json.WriteString("command", report.Command);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Write('\n');
    }

    public static string Level(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>GitHub's security-severity scale: 7.0 and up is high, 4.0 to 6.9 medium, below 4.0 low.</summary>
    public static string SecuritySeverity(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "8.0",
        FindingSeverity.Warning => "5.0",
        _ => "2.0",
    };

    private static void WriteTool(Utf8JsonWriter json, FindingReport report)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "portolan");
        json.WriteStartArray("rules");
        foreach (var rule in report.Rules)
        {
            Sarif.WriteRule(json, rule.Id, rule.Name, rule.Summary, rule.Explanation, $"{rule.Explanation}\n\nFix: {rule.FixHint}",
                $"**{rule.Summary}**\n\n{rule.Explanation}\n\n**Fix:** {rule.FixHint}\n\n"
                + $"Run `portolan {report.Command}` locally to see every finding; `portolan eval` explains one connection.",
                Level(rule.DefaultSeverity), SecuritySeverity(rule.DefaultSeverity));
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, FindingReport report, Finding finding, int ruleIndex, string baseDirectory)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        if (ruleIndex >= 0) json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(finding.Severity));
        var text = new StringBuilder($"{finding.Object}: {finding.Message}");
        foreach (var detail in finding.Details) text.Append('\n').Append(detail);
        Sarif.WriteMessage(json, "message", text.ToString());
        if (Uri(finding.Location, baseDirectory) is { } uri)
        {
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", uri);
            json.WriteEndObject();
            if (finding.Location!.Line > 0)
            {
                json.WriteStartObject("region");
                json.WriteNumber("startLine", finding.Location.Line);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintKey, Fingerprint(finding));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("object", finding.Object);
        json.WriteString("security-severity", SecuritySeverity(finding.Severity));
        if (report.Rule(finding.RuleId) is { } rule && rule.DefaultSeverity != finding.Severity)
            json.WriteString("defaultSeverity", FindingFormat.Severity(rule.DefaultSeverity));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// A file as a URI relative to <paramref name="baseDirectory"/>: absolute paths are made relative to
    /// it, relative ones are taken as already relative to it (the CLI passes its working directory).
    /// Null for stdin and for findings without a file.
    /// </summary>
    public static string? Uri(SourceLocation? location, string baseDirectory)
    {
        if (location is null || location.File.Length == 0 || location.File.StartsWith('<')) return null;
        var file = Path.IsPathRooted(location.File) ? Path.GetRelativePath(baseDirectory, location.File) : location.File;
        if (file.StartsWith("./", StringComparison.Ordinal)) file = file[2..];
        return Sarif.RelativeUri(file);
    }

    public static string Fingerprint(Finding finding)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{finding.RuleId}\n{finding.Object}\n{finding.Message}")));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
