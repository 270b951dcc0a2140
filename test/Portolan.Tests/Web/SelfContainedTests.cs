using System.Text.RegularExpressions;
using Portolan.Tests.Support;

namespace Portolan.Tests.Web;

/// <summary>The page works offline: it names no external URL and loads nothing (no src, href, @import or url() to a host).</summary>
public sealed partial class SelfContainedTests
{
    public static TheoryData<string> Pages() => ["list-shop", "diff-mixed", "list-hostile"];

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_page_references_no_external_resource(string name)
    {
        var html = Render(name);

        Assert.DoesNotMatch(Scheme(), html);
        Assert.DoesNotMatch(HostRelative(), html);
        Assert.DoesNotMatch(Loading(), html);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_check_catches_each_kind_of_external_reference()
    {
        // The same patterns must fire on what they are meant to catch, or the theory above proves nothing.
        Assert.Matches(Scheme(), "<img src=\"https://cdn.example/x.png\">");
        Assert.Matches(Scheme(), "fetch('http://example')");
        Assert.Matches(HostRelative(), "<script src=\"//cdn.example/x.js\"></script>");
        Assert.Matches(HostRelative(), "background: url(//fonts.example/f.woff)");
        Assert.Matches(Loading(), "<link rel=\"stylesheet\" href=\"a.css\">");
        Assert.Matches(Loading(), "@import 'x.css';");
    }

    private static string Render(string name) => name switch
    {
        "list-shop" => Page.List("examples/shop").Html,
        "diff-mixed" => Page.Diff(Path.Combine(Paths.Golden, "diff", "mixed"), "before", "after").Html,
        _ => HostileNames.Page().Html,
    };

    [GeneratedRegex(@"\b(https?|ftp|wss?):", RegexOptions.IgnoreCase)]
    private static partial Regex Scheme();

    [GeneratedRegex(@"(\b(src|href|action|poster|data)\s*=\s*[""']?\s*//)|(url\(\s*[""']?\s*//)", RegexOptions.IgnoreCase)]
    private static partial Regex HostRelative();

    [GeneratedRegex(@"<link\b|<iframe\b|<img\b|<object\b|<embed\b|@import|@font-face|\bsrc\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex Loading();
}
