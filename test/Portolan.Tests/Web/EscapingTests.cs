namespace Portolan.Tests.Web;

/// <summary>Names with &lt;, &amp; and quotes reach the page as data, never as markup.</summary>
public sealed class EscapingTests
{
    private static readonly Page Hostile = HostileNames.Page();

    [Fact]
    public void The_data_block_cannot_be_closed_or_commented_out_by_a_name()
    {
        var data = Hostile.DataText;

        Assert.DoesNotContain("<", data, StringComparison.Ordinal);
        Assert.DoesNotContain(">", data, StringComparison.Ordinal);
        Assert.DoesNotContain("&", data, StringComparison.Ordinal);
        // Two script elements (data, code), each closed once: no name added a tag.
        Assert.Equal(2, Count(Hostile.Html, "<script"));
        Assert.Equal(2, Count(Hostile.Html, "</script>"));
        Assert.DoesNotContain("<!--", Hostile.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_read_back_from_the_data_exactly()
    {
        var peers = Hostile.Data.GetProperty("peers").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();

        Assert.Contains($"{HostileNames.Namespace}/{HostileNames.ScriptPod}[Pod]", peers);
        Assert.Contains($"{HostileNames.Namespace}/{HostileNames.CommentPod}[Pod]", peers);
        Assert.Equal([HostileNames.Namespace], Hostile.Data.GetProperty("namespaces").EnumerateArray().Select(n => n.GetString()));
        var steps = Hostile.Data.GetProperty("paths").EnumerateArray().SelectMany(p => p.GetProperty("steps").EnumerateArray()).Select(s => s.GetString()!);
        Assert.Contains(steps, s => s.Contains($"{HostileNames.Namespace}/{HostileNames.Policy} ({HostileNames.File}:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_title_is_html_encoded()
    {
        Assert.Contains("<title>Portolan list we&lt;ird&gt;&amp;&quot;q&#39;.yaml</title>", Hostile.Html, StringComparison.Ordinal);
    }

    private static int Count(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
