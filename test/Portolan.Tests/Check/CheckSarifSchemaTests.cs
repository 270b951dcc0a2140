using System.Text.Json;
using NJsonSchema;
using Portolan.Tests.Support;

namespace Portolan.Tests.Check;

/// <summary>`check -o sarif` is valid against the official SARIF 2.1.0 schema and keeps code scanning's conventions.</summary>
public sealed class CheckSarifSchemaTests
{
    private static readonly string Root = Path.Combine(Paths.Golden, "check");

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFileAsync(
        Path.GetFullPath(Path.Combine(Paths.RepoRoot, "..", "shared", "reference", "sarif-schema-2.1.0.json"))).GetAwaiter().GetResult());

    public static TheoryData<string> Scenarios => new() { "all", "deny-violated", "isolated-violated", "deny-holds" };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Sarif_output_is_valid_against_the_official_schema(string scenario)
    {
        var result = Run(scenario);

        Assert.Empty(Schema.Value.Validate(result.Stdout).Select(e => $"{e.Path}: {e.Kind}"));
    }

    [Fact]
    public void The_schema_rejects_a_broken_report()
    {
        var broken = Run("all").Stdout.Replace("\"ruleId\"", "\"rule\"", StringComparison.Ordinal)
            .Replace("\"startLine\": ", "\"startLine\": -", StringComparison.Ordinal);

        Assert.NotEmpty(Schema.Value.Validate(broken));
    }

    [Fact]
    public void Every_result_has_its_guardrails_rule_a_relative_existing_file_a_line_and_a_unique_fingerprint()
    {
        using var document = JsonDocument.Parse(Run("all").Stdout);
        var run = document.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(["guardrail/legacy-off-pci", "guardrail/checkout-uses-vault", "guardrail/vault-clients",
            "guardrail/payments-default-deny", "guardrail/web-default-deny", "guardrail/typo-in-isolated"], rules);
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        var fingerprints = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in results)
        {
            Assert.Equal(rules[r.GetProperty("ruleIndex").GetInt32()], r.GetProperty("ruleId").GetString());
            var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            var uri = location.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
            Assert.False(Path.IsPathRooted(uri), uri);
            Assert.True(File.Exists(Path.Combine(Root, uri)), uri);
            Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() > 0);
            Assert.True(fingerprints.Add(r.GetProperty("partialFingerprints").GetProperty("portolanFinding/v1").GetString()!));
        }
    }

    private static CliRunner.Result Run(string scenario) =>
        CliRunner.RunIn(Root, "check", "--guardrails", Path.Combine(scenario, "guardrails.yaml"), "cluster", "-o", "sarif");
}
