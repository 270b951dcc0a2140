namespace Portolan.Output.Findings;

/// <summary>
/// One line per finding as compilers print them ("file:line: severity: object: message [rule]"),
/// editors and CI logs link the location; details follow indented; a count closes the report.
/// </summary>
public static class FindingTextRenderer
{
    public static void Render(FindingReport report, TextWriter output)
    {
        foreach (var finding in report.Sorted)
        {
            var where = FindingFormat.Where(finding.Location);
            var prefix = where is null ? "" : $"{where}: ";
            output.Write($"{prefix}{FindingFormat.Severity(finding.Severity)}: {finding.Object}: {finding.Message} [{finding.RuleId}]\n");
            foreach (var detail in finding.Details) output.Write($"    {detail}\n");
        }
        if (report.Findings.Count > 0) output.Write('\n');
        output.Write($"{FindingFormat.Summary(report)}\n");
    }
}
