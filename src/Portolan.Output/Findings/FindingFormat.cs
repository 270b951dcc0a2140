using Portolan.Core.Model;

namespace Portolan.Output.Findings;

/// <summary>Words and strings the finding formats share.</summary>
public static class FindingFormat
{
    public static string Severity(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "info",
    };

    public static bool TryParseSeverity(string text, out FindingSeverity severity)
    {
        foreach (var value in Enum.GetValues<FindingSeverity>())
        {
            if (string.Equals(Severity(value), text, StringComparison.Ordinal))
            {
                severity = value;
                return true;
            }
        }
        severity = default;
        return false;
    }

    /// <summary>"file:line" or "file", or null when the finding has no file (or came from stdin).</summary>
    public static string? Where(SourceLocation? location) =>
        location is null || location.File.Length == 0 ? null : location.ToString();

    /// <summary>"3 findings (1 error, 1 warning, 1 info)", or "no findings".</summary>
    public static string Summary(FindingReport report)
    {
        var n = report.Findings.Count;
        if (n == 0) return "no findings";
        return $"{n} finding{(n == 1 ? "" : "s")} ({Plural(report.Count(FindingSeverity.Error), "error")}, "
            + $"{Plural(report.Count(FindingSeverity.Warning), "warning")}, {report.Count(FindingSeverity.Info)} info)";
    }

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
