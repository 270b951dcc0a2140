using System.Text.Json;
using Portolan.Tests.Support;

namespace Portolan.Tests.Cli;

/// <summary>
/// The JSON outputs parse, have exactly the keys docs/output-schemas.md documents, and say what the
/// text output says, in the same order.
/// </summary>
public sealed class JsonShapeTests
{
    private static readonly DocumentedSchema Schema = DocumentedSchema.Instance;

    private static JsonElement Json(CliRunner.Result result) => JsonDocument.Parse(result.Stdout).RootElement;

    [Fact]
    public void List_json_of_the_shop_example_has_the_documented_shape()
    {
        var result = CliRunner.RunIn(Paths.RepoRoot, "list", "examples/shop", "-o", "json");
        Schema.AssertConforms(Schema.ConnectivityList, Json(result));
    }

    [Fact]
    public void List_json_with_a_split_workload_has_the_documented_shape_and_the_warning()
    {
        var result = CliRunner.RunIn(Path.Combine(Paths.Golden, "workload-split"), "list", "input.yaml", "-o", "json");
        var json = Json(result);
        Schema.AssertConforms(Schema.ConnectivityList, json);
        var warning = Assert.Single(json.GetProperty("warnings").EnumerateArray()).GetString();
        Assert.Equal($"warning: {warning}\n", result.Stderr);
    }

    [Fact]
    public void List_json_says_what_the_text_says_in_the_same_order()
    {
        var json = Json(CliRunner.RunIn(Paths.RepoRoot, "list", "examples/shop", "-o", "json"));
        var text = CliRunner.RunIn(Paths.RepoRoot, "list", "examples/shop").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var fromJson = json.GetProperty("connections").EnumerateArray().Select(c =>
            $"{Display(c, "source")} => {Display(c, "destination")} : {Display(c, "allowed")}").ToList();
        Assert.Equal(text, fromJson);
        foreach (var c in json.GetProperty("connections").EnumerateArray())
        {
            var allowed = c.GetProperty("allowed");
            Assert.Equal(allowed.GetProperty("display").GetString() == "All Connections", allowed.GetProperty("all").GetBoolean());
        }
    }

    [Theory]
    [InlineData("shop/api", "data/postgres", "5432")]
    [InlineData("shop/frontend", "data/postgres", "5432")]
    [InlineData("shop/report", "data/postgres", "postgres")]
    [InlineData("203.0.113.7", "shop/frontend", "http")]
    [InlineData("shop/frontend", "203.0.113.7", "443")]
    public void Eval_json_has_the_documented_shape(string source, string destination, string port)
    {
        var result = CliRunner.RunIn(Paths.RepoRoot, "eval", "examples/shop", "-s", source, "-d", destination, "-p", port, "-o", "json");
        var json = Json(result);
        Schema.AssertConforms(Schema.EvalResult, json);
        Assert.Equal(result.Exit == 0, json.GetProperty("allowed").GetBoolean());
        var verdict = CliRunner.RunIn(Paths.RepoRoot, "eval", "examples/shop", "-s", source, "-d", destination, "-p", port).Stdout.Split('\n')[0];
        Assert.EndsWith($"{Display(json, "source")} => {Display(json, "destination")} : {json.GetProperty("protocol").GetString()} {json.GetProperty("port").GetInt32()}"
            + (json.GetProperty("portName").ValueKind == JsonValueKind.Null ? "" : $" ({json.GetProperty("portName").GetString()})"), verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_json_names_the_side_an_external_address_has_not_as_null()
    {
        var json = Json(CliRunner.RunIn(Paths.RepoRoot, "eval", "examples/shop", "-s", "203.0.113.7", "-d", "shop/frontend", "-p", "8080", "-o", "json"));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("egress").ValueKind);
        Assert.Equal(JsonValueKind.Object, json.GetProperty("ingress").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("portName").ValueKind);
    }

    [Fact]
    public void Eval_json_of_an_admin_tier_decision_has_the_documented_shape()
    {
        using var dir = new TempDirectory();
        dir.Write("anp.yaml", """
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: AdminNetworkPolicy
            metadata: {name: protect-data}
            spec:
              priority: 10
              subject:
                namespaces: {matchLabels: {kubernetes.io/metadata.name: data}}
              ingress:
                - name: no-scraping
                  action: Deny
                  from:
                    - namespaces: {matchLabels: {kubernetes.io/metadata.name: monitoring}}
            """);
        var result = CliRunner.RunIn(Paths.RepoRoot, "eval", "examples/shop", Path.Combine(dir.Path, "anp.yaml"),
            "-s", "monitoring/prometheus", "-d", "data/postgres", "-p", "metrics", "-o", "json");
        Assert.Equal(1, result.Exit);
        var json = Json(result);
        Schema.AssertConforms(Schema.EvalResult, json);
        var step = json.GetProperty("ingress").GetProperty("path")[0];
        Assert.Equal("Admin", step.GetProperty("tier").GetString());
        Assert.Equal("Denied", step.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, step.GetProperty("policy").GetProperty("namespace").ValueKind);
        Assert.Equal("no-scraping", step.GetProperty("rule").GetProperty("name").GetString());
        Assert.Equal("Deny", step.GetProperty("rule").GetProperty("action").GetString());
    }

    private static string Display(JsonElement parent, string property) => parent.GetProperty(property).GetProperty("display").GetString()!;
}
