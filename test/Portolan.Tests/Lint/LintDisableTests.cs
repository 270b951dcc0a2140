using System.Text.Json;
using Portolan.Tests.Support;

namespace Portolan.Tests.Lint;

/// <summary>Disabling rules per run (--disable) and per object (annotation portolan.dev/lint-disable).</summary>
public sealed class LintDisableTests
{
    private static readonly string Annotated = Path.Combine(Paths.Golden, "lint", "annotations");

    private static List<(string Rule, string Object)> Findings(CliRunner.Result result)
    {
        using var document = JsonDocument.Parse(result.Stdout);
        return [.. document.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("ruleId").GetString()!, f.GetProperty("object").GetString()!))];
    }

    [Fact]
    public void Disabled_rules_report_nothing_and_the_others_are_unchanged()
    {
        var all = Findings(CliRunner.RunIn(Paths.RepoRoot, "lint", "examples/shop", "-o", "json"));
        var some = Findings(CliRunner.RunIn(Paths.RepoRoot, "lint", "examples/shop", "-o", "json", "--disable", "permit-any-any", "--disable", "egress-blocks-dns,pod-not-selected"));

        Assert.Contains(all, f => f.Rule == "permit-any-any");
        Assert.Contains(all, f => f.Rule == "egress-blocks-dns");
        Assert.Equal(all.Where(f => f.Rule is not ("permit-any-any" or "egress-blocks-dns" or "pod-not-selected")), some);
    }

    [Fact]
    public void Annotated_objects_are_silenced_for_the_rules_they_name()
    {
        var result = CliRunner.RunIn(Annotated, "lint", "manifests", "-o", "json");
        var findings = Findings(result);

        Assert.DoesNotContain(findings, f => f.Object is "Namespace legacy" or "Deployment legacy/old" or "Deployment shop/batch" or "NetworkPolicy legacy/everything-off");
        Assert.DoesNotContain(("permit-any-any", "NetworkPolicy shop/public"), findings);
        Assert.Contains(("permit-any-any", "NetworkPolicy shop/public-too"), findings);
        Assert.Contains(("policy-selects-nothing", "NetworkPolicy shop/typo"), findings);
        Assert.Contains(("missing-default-deny-ingress", "Namespace shop"), findings);
    }

    [Fact]
    public void Without_the_annotations_the_silenced_findings_appear()
    {
        var directory = Directory.CreateTempSubdirectory("portolan-lint-");
        try
        {
            var text = File.ReadAllText(Path.Combine(Annotated, "manifests", "all.yaml"));
            var stripped = string.Join('\n', text.Split('\n').Where(l => !l.Contains("annotations:", StringComparison.Ordinal) && !l.Contains("portolan.dev/lint-disable", StringComparison.Ordinal)));
            File.WriteAllText(Path.Combine(directory.FullName, "all.yaml"), stripped);

            var findings = Findings(CliRunner.RunIn(directory.FullName, "lint", "all.yaml", "-o", "json"));

            Assert.Contains(("missing-default-deny-ingress", "Namespace legacy"), findings);
            Assert.Contains(("pod-not-selected", "Deployment legacy/old"), findings);
            Assert.Contains(("pod-not-selected", "Deployment shop/batch"), findings);
            Assert.Contains(("permit-any-any", "NetworkPolicy shop/public"), findings);
            Assert.Contains(("policy-selects-nothing", "NetworkPolicy legacy/everything-off"), findings);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void An_annotation_naming_no_rule_is_a_warning_with_file_and_line()
    {
        var result = CliRunner.RunIn(Annotated, "lint", "manifests");

        Assert.Contains($"warning: {Path.Combine("manifests", "all.yaml")}:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("NetworkPolicy shop/typo: annotation portolan.dev/lint-disable names no lint rule \"permit-any-anny\"", result.Stderr, StringComparison.Ordinal);
        Golden.Verify(Path.Combine("lint", "annotations"), "lint.txt", result.Stdout);
    }
}
