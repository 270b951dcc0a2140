using Portolan.Tests.Support;

namespace Portolan.Tests.Web;

/// <summary>
/// The whole page, snapshotted under test/golden/web/: <c>list -o html</c> of the shop example, and
/// <c>diff -o html</c> of the "mixed" diff scenario (test/golden/diff/mixed: a workload added, one
/// removed, ports opened and closed). The page has no clock or randomness, so it is byte-for-byte stable.
/// </summary>
public sealed class WebGoldenTests
{
    [Fact]
    public void List_html_of_the_shop_example_matches_its_golden()
    {
        var result = CliRunner.RunIn(Paths.RepoRoot, "list", "examples/shop", "-o", "html");

        Assert.Equal(0, result.Exit);
        Assert.Equal("", result.Stderr);
        Assert.DoesNotContain(Paths.RepoRoot, result.Stdout, StringComparison.Ordinal);
        Golden.Verify("web", "list-shop.html", result.Stdout);
    }

    [Fact]
    public void Diff_html_of_a_small_change_matches_its_golden()
    {
        var result = CliRunner.RunIn(Path.Combine(Paths.Golden, "diff", "mixed"), "diff", "before", "after", "-o", "html");

        Assert.Equal(1, result.Exit);
        Golden.Verify("web", "diff-mixed.html", result.Stdout);
    }

    [Fact]
    public void Writing_the_page_twice_gives_the_same_bytes()
    {
        Assert.Equal(Page.List("examples/shop").Html, Page.List("examples/shop").Html);
    }
}
