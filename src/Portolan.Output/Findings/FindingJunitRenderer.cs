using System.Globalization;
using System.Xml;

namespace Portolan.Output.Findings;

/// <summary>
/// JUnit XML for CI test reports: one testsuite per rule, one testcase per (rule, object) that fails
/// with every finding of that object, and one passing testcase for a rule with no finding, so the
/// report lists what was checked as well as what failed. No timestamps: the output is deterministic.
/// </summary>
public static class FindingJunitRenderer
{
    public static void Render(FindingReport report, TextWriter output)
    {
        var sorted = report.Sorted;
        var ruleIds = report.Rules.Select(r => r.Id).ToList();
        ruleIds.AddRange(sorted.Select(f => f.RuleId).Where(id => !ruleIds.Contains(id)).Distinct().Order(StringComparer.Ordinal));
        var byRule = ruleIds.Select(id => (Id: id, Cases: Cases(sorted, id))).ToList();
        var tests = byRule.Sum(r => Math.Max(1, r.Cases.Count));
        var failures = byRule.Sum(r => r.Cases.Count);

        output.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", OmitXmlDeclaration = true };
        using (var xml = XmlWriter.Create(output, settings))
        {
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", $"portolan {report.Command}");
            Counts(xml, tests, failures);
            foreach (var (id, cases) in byRule)
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", $"portolan {report.Command}: {id}");
                Counts(xml, Math.Max(1, cases.Count), cases.Count);
                if (cases.Count == 0)
                {
                    xml.WriteStartElement("testcase");
                    xml.WriteAttributeString("classname", $"portolan.{report.Command}.{id}");
                    xml.WriteAttributeString("name", report.Rule(id)?.Summary ?? id);
                    xml.WriteEndElement();
                }
                foreach (var findings in cases) WriteCase(xml, report.Command, id, findings);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        output.Write('\n');
    }

    private static List<List<Finding>> Cases(IReadOnlyList<Finding> sorted, string ruleId) =>
        [.. sorted.Where(f => f.RuleId == ruleId).GroupBy(f => f.Object, StringComparer.Ordinal).Select(g => g.ToList())];

    private static void Counts(XmlWriter xml, int tests, int failures)
    {
        xml.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", "0");
    }

    private static void WriteCase(XmlWriter xml, string command, string ruleId, List<Finding> findings)
    {
        var first = findings[0];
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", $"portolan.{command}.{ruleId}");
        xml.WriteAttributeString("name", first.Object);
        if (FindingFormat.Where(first.Location) is not null) xml.WriteAttributeString("file", first.Location!.File);
        if (first.Location is { Line: > 0 } location) xml.WriteAttributeString("line", location.Line.ToString(CultureInfo.InvariantCulture));
        xml.WriteStartElement("failure");
        xml.WriteAttributeString("type", FindingFormat.Severity(findings.Max(f => f.Severity)));
        xml.WriteAttributeString("message", first.Message);
        var body = findings.Select(f =>
        {
            var where = FindingFormat.Where(f.Location);
            var line = $"{(where is null ? "" : $"{where}: ")}{FindingFormat.Severity(f.Severity)}: {f.Message}";
            return string.Join("\n", f.Details.Select(d => $"    {d}").Prepend(line));
        });
        xml.WriteString(string.Join("\n", body));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }
}
