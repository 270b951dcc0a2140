using Portolan.Core.Analysis;

namespace Portolan.Output;

/// <summary>A Markdown table, ready to paste into a pull request or a wiki.</summary>
public static class ListMarkdownRenderer
{
    public static void Render(ConnectivityResult result, TextWriter output)
    {
        output.Write($"## Allowed connections ({result.Connections.Length})\n\n");
        output.Write("| source | destination | connections |\n|---|---|---|\n");
        foreach (var c in result.Connections)
        {
            output.Write($"| `{Cell(c.Source.Name)}` | `{Cell(c.Destination.Name)}` | {Cell(c.Allowed.ToString())} |\n");
        }
        foreach (var warning in result.Warnings) output.Write($"\n> warning: {Cell(warning)}\n");
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
