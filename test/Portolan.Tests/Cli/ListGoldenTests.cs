using Portolan.Tests.Support;

namespace Portolan.Tests.Cli;

/// <summary>
/// `list examples/shop` in every format, snapshotted under test/golden/list-shop/. Run from the
/// repository root so file names in output are relative and stable.
/// </summary>
public sealed class ListGoldenTests
{
    [Theory]
    [InlineData("txt")]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("md")]
    [InlineData("dot")]
    public void List_of_the_shop_example_matches_its_golden(string format)
    {
        var result = CliRunner.RunIn(Paths.RepoRoot, "list", "examples/shop", "-o", format);
        Assert.Equal(0, result.Exit);
        Assert.Equal("", result.Stderr);
        Assert.DoesNotContain(Paths.RepoRoot, result.Stdout, StringComparison.Ordinal);
        Golden.Verify("list-shop", $"stdout.{format}", result.Stdout);
    }

    [Fact]
    public void Txt_is_the_default_format()
    {
        var txt = CliRunner.RunIn(Paths.RepoRoot, "list", "examples/shop", "-o", "txt");
        var byDefault = CliRunner.RunIn(Paths.RepoRoot, "list", "examples/shop");
        Assert.Equal(txt, byDefault);
    }

    [Fact]
    public void Lines_are_sorted_ordinally_by_source_then_destination()
    {
        var lines = CliRunner.RunIn(Paths.RepoRoot, "list", "examples/shop").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var keys = lines.Select(l => l.Split(" : ")[0].Split(" => ")).Select(p => (Source: p[0], Destination: p[1])).ToList();
        var sorted = keys.OrderBy(k => k.Source, StringComparer.Ordinal).ThenBy(k => k.Destination, StringComparer.Ordinal).ToList();
        Assert.Equal(sorted, keys);
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void The_order_of_the_inputs_does_not_change_the_output()
    {
        var directory = CliRunner.RunIn(Paths.RepoRoot, "list", "examples/shop", "-o", "json");
        string[] files = ["workloads.yaml", "policies-shop.yaml", "policies-monitoring.yaml", "policies-data.yaml", "namespaces.yaml"];
        var reversed = CliRunner.RunIn(Paths.RepoRoot, ["list", .. files.SelectMany(f => new[] { "-f", $"examples/shop/{f}" }), "-o", "json"]);
        Assert.Equal(directory, reversed);
    }
}
