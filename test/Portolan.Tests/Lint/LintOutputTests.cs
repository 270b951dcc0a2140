using System.Text.Json;
using System.Xml.Linq;
using Portolan.Core.Analysis.Lint;
using Portolan.Tests.Findings;
using Portolan.Tests.Support;

namespace Portolan.Tests.Lint;

/// <summary>
/// lint's four formats on one scenario (test/golden/lint/formats/), its --help and --list-rules, SARIF
/// checked against the official 2.1.0 schema and JUnit parsed as XML.
/// </summary>
public sealed class LintOutputTests
{
    private static readonly string Formats = Path.Combine(Paths.Golden, "lint", "formats");

    private static CliRunner.Result Lint(string format) => CliRunner.RunIn(Formats, "lint", "manifests", "-o", format);

    [Theory]
    [MemberData(nameof(FindingRendererTests.AllFormats), MemberType = typeof(FindingRendererTests))]
    public void Output_matches_the_golden_file(string format)
    {
        var result = Lint(format);

        Assert.Equal(1, result.Exit);
        Assert.Equal("", result.Stderr);
        Golden.Verify(Path.Combine("lint", "formats"), $"lint.{format}", result.Stdout);
    }

    [Fact]
    public void Help_and_rule_list_match_the_golden_files()
    {
        var help = CliRunner.Run("lint", "--help");
        var rules = CliRunner.Run("lint", "--list-rules");

        Assert.Equal(0, help.Exit);
        Assert.Equal(0, rules.Exit);
        Golden.Verify(Path.Combine("lint", "help"), "lint-help.txt", help.Stdout.Replace("testhost lint", "portolan lint", StringComparison.Ordinal));
        Golden.Verify(Path.Combine("lint", "help"), "lint-rules.txt", rules.Stdout);
        foreach (var rule in LintCatalogue.All)
            Assert.Contains($"{rule.Id} ({rule.Severity.ToString().ToLowerInvariant()}): {rule.Summary}", rules.Stdout, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> SarifRuns()
    {
        var data = new TheoryData<string, string> { { Formats, "manifests" }, { Paths.RepoRoot, "examples/shop" } };
        foreach (var rule in LintCatalogue.All) data.Add(Path.Combine(Paths.Golden, "lint", rule.Id), "positive");
        return data;
    }

    [Theory]
    [MemberData(nameof(SarifRuns))]
    public void Sarif_is_valid_against_the_official_schema_with_relative_uris_and_lines(string directory, string input)
    {
        var result = CliRunner.RunIn(directory, "lint", input, "-o", "sarif", "--fail-severity", "none");

        Assert.Empty(FindingRendererTests.SarifSchema.Value.Validate(result.Stdout).Select(e => $"{e.Path}: {e.Kind}"));
        using var document = JsonDocument.Parse(result.Stdout);
        var run = document.RootElement.GetProperty("runs")[0];
        var ids = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(LintCatalogue.All.Select(r => r.Id), ids);
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        foreach (var r in results)
        {
            Assert.Equal(ids[r.GetProperty("ruleIndex").GetInt32()], r.GetProperty("ruleId").GetString());
            var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            var uri = location.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
            Assert.False(Path.IsPathRooted(uri), uri);
            Assert.True(File.Exists(Path.Combine(directory, Uri.UnescapeDataString(uri))), uri);
            Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() > 0);
            Assert.Matches("^[0-9a-f]{32}$", r.GetProperty("partialFingerprints").GetProperty("portolanFinding/v1").GetString()!);
        }
    }

    [Fact]
    public void Sarif_from_absolute_paths_is_relative_to_the_working_directory()
    {
        var result = CliRunner.RunIn(Formats, "lint", Path.Combine(Formats, "manifests"), "-o", "sarif");

        using var document = JsonDocument.Parse(result.Stdout);
        var uris = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()).Distinct();
        Assert.Equal(["manifests/namespaces.yaml", "manifests/policies.yaml"], uris.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Junit_is_well_formed_xml_with_a_failure_per_finding_object()
    {
        var text = Lint("junit").Stdout;
        var json = Lint("json").Stdout;

        var document = XDocument.Parse(text);
        using var findings = JsonDocument.Parse(json);
        var objects = findings.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("ruleId").GetString(), f.GetProperty("object").GetString())).Distinct().Count();
        Assert.Equal("testsuites", document.Root!.Name.LocalName);
        Assert.Equal(LintCatalogue.All.Length, document.Root.Elements("testsuite").Count());
        Assert.Equal(objects, document.Descendants("failure").Count());
        Assert.Equal(objects.ToString(System.Globalization.CultureInfo.InvariantCulture), (string)document.Root.Attribute("failures")!);
    }

    [Fact]
    public void Json_lists_the_catalogue_and_counts_by_severity()
    {
        using var document = JsonDocument.Parse(Lint("json").Stdout);
        var root = document.RootElement;

        Assert.Equal("FindingReport", root.GetProperty("kind").GetString());
        Assert.Equal("lint", root.GetProperty("command").GetString());
        Assert.Equal(LintCatalogue.All.Length, root.GetProperty("rules").GetArrayLength());
        var severities = root.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("severity").GetString()).ToList();
        foreach (var severity in new[] { "error", "warning", "info" })
            Assert.Equal(severities.Count(s => s == severity), root.GetProperty("summary").GetProperty(severity).GetInt32());
    }

    [Fact]
    public void Docs_list_every_rule_with_its_severity_summary_and_fix()
    {
        var docs = File.ReadAllText(Path.Combine(Paths.RepoRoot, "docs", "lint.md"));

        foreach (var rule in LintCatalogue.All)
        {
            Assert.Contains($"### `{rule.Id}` ({rule.Severity.ToString().ToLowerInvariant()})\n\n**{rule.Summary}**", docs, StringComparison.Ordinal);
            Assert.Contains(rule.FixHint, docs, StringComparison.Ordinal);
        }
    }
}
