using System.Text.Json;
using Portolan.Tests.Support;

namespace Portolan.Tests.Web;

/// <summary>A page written by the CLI, and its data block read back as JSON.</summary>
public sealed record Page(string Html)
{
    private const string Open = "<script type=\"application/json\" id=\"portolan-data\">";

    public static Page List(params string[] inputs)
    {
        var result = CliRunner.RunIn(Paths.RepoRoot, ["list", .. inputs, "-o", "html"]);
        Assert.Equal(0, result.Exit);
        return new Page(result.Stdout);
    }

    public static Page Diff(string directory, string before, string after)
    {
        var result = CliRunner.RunIn(directory, "diff", before, after, "-o", "html");
        Assert.Equal(1, result.Exit);
        return new Page(result.Stdout);
    }

    /// <summary>The text between the data block's tags, as the browser's textContent sees it.</summary>
    public string DataText
    {
        get
        {
            var start = Html.IndexOf(Open, StringComparison.Ordinal);
            Assert.True(start >= 0, "the page has no portolan-data block");
            start += Open.Length;
            var end = Html.IndexOf("</script>", start, StringComparison.Ordinal);
            return Html[start..end];
        }
    }

    public JsonElement Data => JsonDocument.Parse(DataText).RootElement;

    public string PeerName(JsonElement axisEntry) => Data.GetProperty("peers")[axisEntry[0].GetInt32()].GetProperty("name").GetString()!;
}
