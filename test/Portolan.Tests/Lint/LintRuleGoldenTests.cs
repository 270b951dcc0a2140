using Portolan.Core.Analysis.Lint;
using Portolan.Tests.Support;

namespace Portolan.Tests.Lint;

/// <summary>
/// Every lint rule on a positive and a negative manifest (test/golden/lint/&lt;rule&gt;/positive|negative/),
/// with every other rule disabled: the positive case has findings of that rule, the negative none, and
/// both outputs match their golden files (&lt;rule&gt;/positive.txt, negative.txt).
/// </summary>
public sealed class LintRuleGoldenTests
{
    public static TheoryData<string> Rules() => [.. LintCatalogue.All.Select(r => r.Id)];

    internal static CliRunner.Result RunOnly(string ruleId, string directory, params string[] more)
    {
        var others = LintCatalogue.All.Where(r => r.Id != ruleId).Select(r => r.Id);
        return CliRunner.RunIn(Path.Combine(Paths.Golden, "lint", ruleId), ["lint", directory, "--disable", string.Join(",", others), "--fail-severity", "info", .. more]);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Positive_manifest_has_findings_of_the_rule(string ruleId)
    {
        var result = RunOnly(ruleId, "positive");

        Assert.Equal(1, result.Exit);
        Assert.Contains($"[{ruleId}]\n", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("] \n", result.Stdout, StringComparison.Ordinal);
        Golden.Verify(Path.Combine("lint", ruleId), "positive.txt", result.Stdout);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Negative_manifest_has_no_finding(string ruleId)
    {
        var result = RunOnly(ruleId, "negative");

        Assert.Equal("no findings\n", result.Stdout);
        Assert.Equal(0, result.Exit);
        Golden.Verify(Path.Combine("lint", ruleId), "negative.txt", result.Stdout);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Every_finding_has_a_file_and_line_in_the_input(string ruleId)
    {
        var result = RunOnly(ruleId, "positive", "-o", "json");

        using var document = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var findings = document.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        var lines = File.ReadAllLines(Path.Combine(Paths.Golden, "lint", ruleId, "positive", "manifests.yaml"));
        foreach (var finding in findings)
        {
            Assert.Equal(ruleId, finding.GetProperty("ruleId").GetString());
            var location = finding.GetProperty("location");
            Assert.Equal(Path.Combine("positive", "manifests.yaml"), location.GetProperty("file").GetString());
            var line = location.GetProperty("line").GetInt32();
            Assert.InRange(line, 1, lines.Length);
            Assert.False(string.IsNullOrWhiteSpace(lines[line - 1]), $"line {line} is blank");
        }
    }
}
