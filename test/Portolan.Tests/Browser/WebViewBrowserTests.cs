using Microsoft.Playwright;
using Portolan.Tests.Support;
using Portolan.Tests.Web;

namespace Portolan.Tests.Browser;

/// <summary>
/// The generated page in a real browser, opened from a file:// URL: cells explain themselves, the
/// graph draws and filters, the diff colours what opened and closed, and hostile names stay text.
/// With PORTOLAN_SCREENSHOT=1 it also rewrites docs/web-view.png, docs/web-view-graph.png and docs/web-view-diff.png.
/// </summary>
public sealed class WebViewBrowserTests(Chromium chromium) : IClassFixture<Chromium>, IDisposable
{
    private readonly TempDirectory _files = new();

    private static bool Screenshots => Environment.GetEnvironmentVariable("PORTOLAN_SCREENSHOT") == "1";

    private string Save(string name, Page page) => Path.Combine(_files.Path, _files.Write(name, page.Html));

    private static string Cell(string source, string destination) =>
        $"#matrix td[data-source=\"{source}\"][data-destination=\"{destination}\"]";

    private static List<string> ShopLines() =>
        [.. CliRunner.RunIn(Paths.RepoRoot, "list", "examples/shop").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    [ChromiumFact]
    public async Task Clicking_a_denied_cell_shows_the_policies_that_deny_it()
    {
        var (page, errors) = await chromium.OpenAsync(Save("shop.html", Page.List("examples/shop")));
        var cell = page.Locator(Cell("shop/frontend[Deployment]", "data/postgres[StatefulSet]"));

        Assert.Equal("none", await cell.GetAttributeAsync("class"));
        await cell.ClickAsync();
        var detail = await page.InnerTextAsync("#detail-body");

        Assert.Contains("shop/frontend[Deployment] \u2192 data/postgres[StatefulSet]", detail, StringComparison.Ordinal);
        Assert.Contains("Allowed: No Connections.", detail, StringComparison.Ordinal);
        Assert.Contains("DENIED: All Connections", detail, StringComparison.Ordinal);
        Assert.Contains("egress at shop/frontend[Deployment]: denied", detail, StringComparison.Ordinal);
        Assert.Contains("isolated by shop/allow-dns (examples/shop/policies-shop.yaml:11), shop/default-deny (examples/shop/policies-shop.yaml:2), shop/frontend", detail, StringComparison.Ordinal);
        Assert.Contains("ingress at data/postgres[StatefulSet]: denied", detail, StringComparison.Ordinal);
        Assert.Contains("isolated by data/default-deny (examples/shop/policies-data.yaml:1), data/postgres", detail, StringComparison.Ordinal);
        Assert.Contains("portolan eval examples/shop --source shop/frontend --destination data/postgres", detail, StringComparison.Ordinal);
        if (Screenshots) await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Paths.RepoRoot, "docs", "web-view.png") });
        Assert.Empty(errors);
    }

    [ChromiumFact]
    public async Task An_allowed_cell_names_the_rule_on_each_side()
    {
        var (page, errors) = await chromium.OpenAsync(Save("shop.html", Page.List("examples/shop")));

        await page.ClickAsync(Cell("shop/frontend[Deployment]", "shop/api[Deployment]"));
        var detail = await page.InnerTextAsync("#detail-body");

        Assert.Contains("ALLOWED: TCP 50051", detail, StringComparison.Ordinal);
        Assert.Contains("allowed by shop/frontend rule 1 (examples/shop/policies-shop.yaml:47)", detail, StringComparison.Ordinal);
        Assert.Contains("allowed by shop/api rule 1 (examples/shop/policies-shop.yaml:63)", detail, StringComparison.Ordinal);
        Assert.Contains("DENIED: SCTP 1-65535,TCP 1-50050,50052-65535,UDP 1-65535", detail, StringComparison.Ordinal);
        Assert.Contains("portolan eval examples/shop --source shop/frontend --destination shop/api --port 50051 --protocol TCP", detail, StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [ChromiumFact]
    public async Task The_graph_draws_every_allowed_pair_and_the_namespace_filter_keeps_one_namespaces_sources()
    {
        var lines = ShopLines();
        var (page, errors) = await chromium.OpenAsync(Save("shop.html", Page.List("examples/shop")));

        await page.ClickAsync("#tab-graph");
        Assert.True(await page.IsVisibleAsync("#graph"));
        Assert.False(await page.IsVisibleAsync("#matrix"));
        Assert.Equal(lines.Count, await page.Locator("path.edge").CountAsync());
        if (Screenshots)
        {
            await page.Locator("path.edge[data-source=\"monitoring/prometheus[Deployment]\"][data-destination=\"data/postgres[StatefulSet]\"]").DispatchEventAsync("click");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Paths.RepoRoot, "docs", "web-view-graph.png") });
        }

        await page.SelectOptionAsync("#filter-from", "shop");
        var sources = await page.Locator("path.edge").EvaluateAllAsync<string[]>("edges => edges.map(e => e.getAttribute('data-source'))");
        Assert.Equal(lines.Count(l => l.StartsWith("shop/", StringComparison.Ordinal)), sources.Length);
        Assert.All(sources, s => Assert.StartsWith("shop/", s, StringComparison.Ordinal));
        var groups = await page.Locator("#graph-groups text").AllTextContentsAsync();
        Assert.Contains("shop", groups);
        Assert.DoesNotContain("monitoring", groups); // nothing in shop reaches monitoring

        await page.Locator("path.edge[data-source=\"shop/frontend[Deployment]\"][data-destination=\"shop/api[Deployment]\"]").DispatchEventAsync("click");
        Assert.Contains("ALLOWED: TCP 50051", await page.InnerTextAsync("#detail-body"), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [ChromiumFact]
    public async Task The_port_filter_dims_the_cells_that_do_not_allow_the_port()
    {
        var lines = ShopLines();
        var (page, errors) = await chromium.OpenAsync(Save("shop.html", Page.List("examples/shop")));

        await page.FillAsync("#filter-port", "udp 53");
        var lit = await page.Locator("#matrix td.allowed:not(.dim)").CountAsync();

        var expected = lines.Count(l => PortText.Parse(l.Split(" : ")[1]).Contains(Portolan.Core.Sets.Protocol.UDP, 53));
        Assert.Equal(expected, lit);
        Assert.True(expected < lines.Count);
        Assert.Empty(errors);
    }

    [ChromiumFact]
    public async Task The_diff_colours_opened_cells_green_and_closed_cells_red()
    {
        var (page, errors) = await chromium.OpenAsync(Save("diff.html", Page.Diff(Path.Combine(Paths.Golden, "diff", "mixed"), "before", "after")));
        var opened = page.Locator(Cell("web/api[Deployment]", "web/report[Job]"));
        var closed = page.Locator(Cell("web/api[Deployment]", "web/legacy[Deployment]"));

        Assert.Equal("opened", await opened.GetAttributeAsync("class"));
        Assert.Equal("+ All Connections", await opened.InnerTextAsync());
        Assert.Equal("closed", await closed.GetAttributeAsync("class"));
        string Background(string selector) => $"getComputedStyle(document.querySelector('{selector.Replace("'", "\\'", StringComparison.Ordinal)}')).backgroundColor";
        Assert.Equal("rgb(201, 239, 207)", await page.EvaluateAsync<string>(Background(Cell("web/api[Deployment]", "web/report[Job]"))));
        Assert.Equal("rgb(248, 208, 208)", await page.EvaluateAsync<string>(Background(Cell("web/api[Deployment]", "web/legacy[Deployment]"))));

        await closed.ClickAsync();
        var detail = await page.InnerTextAsync("#detail-body");
        Assert.Contains("Before: All Connections. After: No Connections.", detail, StringComparison.Ordinal);
        Assert.Contains("web/legacy[Deployment] does not exist on this side.", detail, StringComparison.Ordinal);
        Assert.Contains("Before the change", detail, StringComparison.Ordinal);

        await page.ClickAsync("#tab-changes");
        Assert.True(await page.Locator("#changes tbody tr").CountAsync() > 0);
        await page.ClickAsync("#tab-graph");
        Assert.True(await page.Locator("path.edge.opened").CountAsync() > 0);
        Assert.True(await page.Locator("path.edge.closed").CountAsync() > 0);
        if (Screenshots) await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Paths.RepoRoot, "docs", "web-view-diff.png") });
        Assert.Empty(errors);
    }

    [ChromiumFact]
    public async Task Hostile_names_show_as_text_and_run_nothing()
    {
        var (page, errors) = await chromium.OpenAsync(Save("hostile.html", HostileNames.Page()));

        var headers = await page.Locator("#matrix tbody th").AllInnerTextsAsync();
        Assert.Contains($"{HostileNames.Namespace}/{HostileNames.ScriptPod} Pod", headers);
        Assert.Equal(0, await page.Locator("#matrix script").CountAsync());
        string[] pair = [$"{HostileNames.Namespace}/{HostileNames.ScriptPod}[Pod]", $"{HostileNames.Namespace}/{HostileNames.CommentPod}[Pod]"];
        await page.EvaluateAsync("([s, d]) => [...document.querySelectorAll('#matrix td')].find(td => td.getAttribute('data-source') === s && td.getAttribute('data-destination') === d).click()", pair);
        var detail = await page.InnerTextAsync("#detail-body");
        Assert.Contains(HostileNames.Namespace, detail, StringComparison.Ordinal);
        // The eval hint quotes names for the shell: a&b"c'<d> becomes 'a&b"c'\''<d>/...'.
        Assert.Contains("portolan eval 'we<ird>&\"q'\\''.yaml' --source 'a&b\"c'\\''<d>/", detail, StringComparison.Ordinal);
        Assert.Empty(errors); // an alert() would be recorded as a dialog
    }

    public void Dispose() => _files.Dispose();
}
