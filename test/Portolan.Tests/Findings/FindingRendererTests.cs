using System.Text.Json;
using System.Xml.Linq;
using NJsonSchema;
using Portolan.Output.Findings;
using Portolan.Tests.Support;

namespace Portolan.Tests.Findings;

/// <summary>The four formats of a finding report, on a sample that exercises their edge cases.</summary>
public sealed class FindingRendererTests
{
    internal static readonly Lazy<JsonSchema> SarifSchema = new(() => JsonSchema.FromFileAsync(
        Path.GetFullPath(Path.Combine(Paths.RepoRoot, "..", "shared", "reference", "sarif-schema-2.1.0.json"))).GetAwaiter().GetResult());

    public static TheoryData<string> AllFormats => [.. FindingRenderers.Formats];

    private static string Render(string format)
    {
        var writer = new StringWriter { NewLine = "\n" };
        FindingRenderers.Write(format, SampleReport.Create(), writer, SampleReport.BaseDirectory);
        return writer.ToString();
    }

    [Theory]
    [MemberData(nameof(AllFormats))]
    public void Output_matches_the_golden_file(string format)
    {
        var text = Render(format);

        // The absolute path differs per machine: the golden holds it as the base directory's name.
        Golden.Verify(Path.Combine("findings", "sample"), $"report.{format}", text.Replace(SampleReport.BaseDirectory, "<base>", StringComparison.Ordinal));
    }

    [Fact]
    public void Findings_are_ordered_by_file_line_rule_object_and_message()
    {
        var sorted = SampleReport.Create().Sorted;

        // No file sorts first; then ordinally by file name ('/' < '<' < 'm').
        Assert.Equal(["Namespace data", "NetworkPolicy data/cache", "NetworkPolicy data/db", "NetworkPolicy shop/web", "NetworkPolicy shop/web"],
            sorted.Select(f => f.Object));
        Assert.Equal([null, 7, 3, 12, 20], sorted.Select(f => f.Location?.Line));
    }

    [Fact]
    public void Sarif_is_valid_against_the_official_schema()
    {
        Assert.Empty(SarifSchema.Value.Validate(Render("sarif")).Select(e => $"{e.Path}: {e.Kind}"));
    }

    [Fact]
    public void Sarif_uris_are_relative_lines_are_kept_and_fingerprints_ignore_the_line()
    {
        using var document = JsonDocument.Parse(Render("sarif"));
        var results = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();

        var uris = results.Select(r => r.TryGetProperty("locations", out var l)
            ? l[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString() : null).ToList();
        Assert.Equal([null, "dir%20with%20space/p.yaml", null, "manifests/policies.yaml", "manifests/policies.yaml"], uris);
        Assert.Equal(12, results[3].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(["note", "error", "warning", "warning", "error"], results.Select(r => r.GetProperty("level").GetString()));

        var finding = SampleReport.Create().Findings[1];
        Assert.Equal(FindingSarifRenderer.Fingerprint(finding), FindingSarifRenderer.Fingerprint(finding with { Location = new("elsewhere.yaml", 99) }));
        Assert.NotEqual(FindingSarifRenderer.Fingerprint(finding), FindingSarifRenderer.Fingerprint(finding with { Object = "NetworkPolicy shop/other" }));
    }

    [Fact]
    public void Junit_is_well_formed_with_one_suite_per_rule_and_a_failure_per_object()
    {
        var document = XDocument.Parse(Render("junit"));

        var suites = document.Root!.Elements("testsuite").ToList();
        Assert.Equal(["portolan lint: rule-a", "portolan lint: rule-b", "portolan lint: rule-c"], suites.Select(s => (string)s.Attribute("name")!));
        Assert.Equal(["3", "2", "0"], suites.Select(s => (string)s.Attribute("failures")!));
        Assert.Equal("5", (string)document.Root.Attribute("failures")!);
        Assert.Equal("6", (string)document.Root.Attribute("tests")!);
        Assert.Empty(suites[2].Descendants("failure"));
        Assert.Single(suites[2].Elements("testcase"));
        Assert.Contains("<&>", (string)suites[0].Descendants("failure").Single(f => ((string)f.Attribute("message")!).Contains("broad", StringComparison.Ordinal)).Attribute("message")!, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_counts_match_the_findings()
    {
        using var document = JsonDocument.Parse(Render("json"));
        var root = document.RootElement;

        Assert.Equal("portolan.dev/v1alpha1", root.GetProperty("apiVersion").GetString());
        Assert.Equal(5, root.GetProperty("summary").GetProperty("findings").GetInt32());
        Assert.Equal(2, root.GetProperty("summary").GetProperty("error").GetInt32());
        Assert.Equal(root.GetProperty("findings").GetArrayLength(), root.GetProperty("summary").GetProperty("findings").GetInt32());
    }
}
