using System.Text.RegularExpressions;
using Portolan.Tests.Support;

namespace Portolan.Tests.Cli;

/// <summary>csv, md and dot carry exactly the connections txt prints, in the same order.</summary>
public sealed partial class ListFormatConsistencyTests
{
    private static List<string> Txt() =>
        [.. CliRunner.RunIn(Paths.RepoRoot, "list", "examples/shop").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    private static string[] Lines(string format) =>
        CliRunner.RunIn(Paths.RepoRoot, "list", "examples/shop", "-o", format).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Csv_rows_are_the_txt_lines()
    {
        var lines = Lines("csv");
        Assert.Equal("source,destination,connections", lines[0]);
        var rows = lines.Skip(1).Select(l => CsvRow().Match(l)).Select(m =>
            $"{Unquote(m.Groups[1].Value)} => {Unquote(m.Groups[2].Value)} : {Unquote(m.Groups[3].Value)}").ToList();
        Assert.Equal(Txt(), rows);
    }

    [Fact]
    public void Markdown_rows_are_the_txt_lines()
    {
        var lines = Lines("md");
        var txt = Txt();
        Assert.Equal($"## Allowed connections ({txt.Count})", lines[0]);
        var rows = lines.Where(l => l.StartsWith("| `", StringComparison.Ordinal)).Select(l => MarkdownRow().Match(l))
            .Select(m => $"{m.Groups[1].Value} => {m.Groups[2].Value} : {m.Groups[3].Value}").ToList();
        Assert.Equal(txt, rows);
    }

    [Fact]
    public void Dot_edges_are_the_txt_lines_and_every_node_is_declared()
    {
        var lines = Lines("dot");
        var edges = lines.Select(l => DotEdge().Match(l)).Where(m => m.Success).ToList();
        Assert.Equal(Txt(), edges.Select(m => $"{m.Groups[1].Value} => {m.Groups[2].Value} : {m.Groups[3].Value}").ToList());
        var declared = lines.Select(l => DotNode().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.All(edges, e => Assert.Subset(declared, new HashSet<string> { e.Groups[1].Value, e.Groups[2].Value }));
        Assert.Equal("digraph portolan {", lines[0]);
        Assert.Equal("}", lines[^1]);
    }

    private static string Unquote(string field) =>
        field.StartsWith('"') ? field[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : field;

    [GeneratedRegex("^(\"(?:[^\"]|\"\")*\"|[^,]*),(\"(?:[^\"]|\"\")*\"|[^,]*),(\"(?:[^\"]|\"\")*\"|[^,]*)$")]
    private static partial Regex CsvRow();

    [GeneratedRegex("^\\| `([^`]*)` \\| `([^`]*)` \\| (.*) \\|$")]
    private static partial Regex MarkdownRow();

    [GeneratedRegex("^  \"([^\"]*)\" -> \"([^\"]*)\" \\[label=\"([^\"]*)\"\\];$")]
    private static partial Regex DotEdge();

    [GeneratedRegex("^\\s+\"([^\"]*)\" \\[(?:label|shape)=")]
    private static partial Regex DotNode();
}
