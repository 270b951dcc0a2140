using Portolan.Tests.Support;

namespace Portolan.Tests.Cli;

/// <summary>Input with no workloads or no policies is not an error: exit 0, with a note on stderr.</summary>
public sealed class EmptyInputTests
{
    [Fact]
    public void A_directory_without_policies_allows_everything_and_says_so()
    {
        using var dir = new TempDirectory();
        dir.Write("apps/api.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: api, namespace: shop}\n");
        dir.Write("apps/web.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\n");
        var result = CliRunner.RunIn(dir.Path, "list", "apps");
        Assert.Equal(0, result.Exit);
        Assert.Equal("note: no policies found in the input: every connection is allowed\n", result.Stderr);
        Assert.Contains("shop/api[Pod] => shop/web[Pod] : All Connections\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_without_workloads_prints_nothing_and_says_so()
    {
        using var dir = new TempDirectory();
        dir.Write("policies/deny.yaml", "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: shop}\nspec: {podSelector: {}}\n");
        var result = CliRunner.RunIn(dir.Path, "list", "policies");
        Assert.Equal(0, result.Exit);
        Assert.Equal("", result.Stdout);
        Assert.Equal("note: no workloads or pods found in the input\n", result.Stderr);
    }

    [Fact]
    public void An_empty_directory_gives_both_notes()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "empty"));
        var result = CliRunner.RunIn(dir.Path, "list", "empty", "-o", "json");
        Assert.Equal(0, result.Exit);
        Assert.Equal("note: no workloads or pods found in the input\nnote: no policies found in the input: every connection is allowed\n", result.Stderr);
        Assert.Contains("\"connections\": []", result.Stdout, StringComparison.Ordinal);
    }
}
