using Portolan.Tests.Support;

namespace Portolan.Tests.Cli;

/// <summary>
/// Pods of one workload are one peer unless they behave differently; then each is reported as
/// ns/pod[Pod], with a warning on stderr (and in the JSON warnings). Scenarios live beside their
/// goldens: test/golden/workload-split and workload-alike.
/// </summary>
public sealed class WorkloadSplitTests
{
    private static string Scenario(string name) => Path.Combine(Paths.Golden, name);

    [Theory]
    [InlineData("txt")]
    [InlineData("json")]
    public void Pods_whose_difference_matters_are_reported_one_by_one_with_a_warning(string format)
    {
        var result = CliRunner.RunIn(Scenario("workload-split"), "list", "input.yaml", "-o", format);
        Assert.Equal(0, result.Exit);
        Golden.Verify("workload-split", $"stdout.{format}", result.Stdout);
        Golden.Verify("workload-split", "stderr.txt", result.Stderr);
        Assert.Contains("shop/web-7d4f-abcde[Pod]", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("shop/web-7d4f-fghij[Pod]", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(format == "json" ? "\"kind\": \"ReplicaSet\"" : "[ReplicaSet] ", result.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("warning: pods of shop/web-7d4f[ReplicaSet] differ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Pods_whose_difference_does_not_matter_are_one_ReplicaSet()
    {
        var result = CliRunner.RunIn(Scenario("workload-alike"), "list", "input.yaml");
        Assert.Equal(0, result.Exit);
        Golden.Verify("workload-alike", "stdout.txt", result.Stdout);
        Assert.Equal("", result.Stderr);
        Assert.Contains("shop/client[Pod] => shop/web-7d4f[ReplicaSet] : TCP 8080\n", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("web-7d4f-", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_on_one_pod_of_a_split_workload_names_the_pod()
    {
        var result = CliRunner.RunIn(Scenario("workload-split"), "eval", "input.yaml", "-s", "shop/client", "-d", "shop/web-7d4f-fghij", "-p", "9000");
        Assert.StartsWith("ALLOWED: shop/client[Pod] => shop/web-7d4f-fghij[Pod] : TCP 9000\n", result.Stdout, StringComparison.Ordinal);
    }
}
