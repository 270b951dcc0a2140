using System.Text.Json;
using NJsonSchema;
using Portolan.Tests.Support;

namespace Portolan.Tests.Diff;

/// <summary>`diff -o sarif` is valid against the official SARIF 2.1.0 schema and keeps code scanning's conventions.</summary>
public sealed class DiffSarifSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFileAsync(
        Path.GetFullPath(Path.Combine(Paths.RepoRoot, "..", "shared", "reference", "sarif-schema-2.1.0.json"))).GetAwaiter().GetResult());

    public static TheoryData<string, string, string> Runs => new()
    {
        { Path.Combine("test", "golden", "diff", "mixed"), "before", "after" },
        { "conformance", "tests/onlineboutique_workloads", "tests/onlineboutique_workloads_changed_netpols_and_workloads" },
        { "conformance", "tests/ipblockstest", "tests/ipblockstest_4" },
        { "conformance", "tests/with_end_port_example", "tests/with_end_port_example_new" },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Sarif_output_is_valid_against_the_official_schema(string directory, string old, string @new)
    {
        var result = CliRunner.RunIn(DirectoryOf(directory), "diff", old, @new, "--ipblock-scope", "external", "-o", "sarif");

        var errors = Schema.Value.Validate(result.Stdout);

        Assert.Empty(errors.Select(e => $"{e.Path}: {e.Kind}"));
    }

    [Fact]
    public void The_schema_rejects_what_is_not_sarif()
    {
        var result = CliRunner.RunIn(Path.Combine(Paths.Golden, "diff", "mixed"), "diff", "before", "after", "-o", "sarif");
        var broken = result.Stdout.Replace("\"version\": \"2.1.0\"", "\"version\": \"2.0.0\"", StringComparison.Ordinal)
            .Replace("\"ruleId\"", "\"rule\"", StringComparison.Ordinal);

        Assert.NotEmpty(Schema.Value.Validate(broken));
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Every_result_has_a_known_rule_a_relative_location_and_a_fingerprint(string directory, string old, string @new)
    {
        var result = CliRunner.RunIn(DirectoryOf(directory), "diff", old, @new, "--ipblock-scope", "external", "-o", "sarif");

        using var document = JsonDocument.Parse(result.Stdout);
        var run = document.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(["portolan.diff.added", "portolan.diff.changed", "portolan.diff.removed"], rules);
        var fingerprints = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in run.GetProperty("results").EnumerateArray())
        {
            Assert.Equal(rules[r.GetProperty("ruleIndex").GetInt32()], r.GetProperty("ruleId").GetString());
            var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            var uri = location.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
            Assert.False(Path.IsPathRooted(uri), uri);
            Assert.True(File.Exists(Path.Combine(DirectoryOf(directory), uri)), uri);
            Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() > 0);
            Assert.True(fingerprints.Add(r.GetProperty("partialFingerprints").GetProperty("portolanConnection/v1").GetString()!));
        }
    }

    private static string DirectoryOf(string directory) => directory == "conformance" ? Paths.Conformance : Path.Combine(Paths.RepoRoot, directory);
}
