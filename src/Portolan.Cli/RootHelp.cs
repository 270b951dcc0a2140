using System.CommandLine;
using System.Text;

namespace Portolan.Cli;

/// <summary>
/// The root help's command list shows each command's first sentence only; the whole description,
/// with examples, is what 'portolan COMMAND --help' prints.
/// </summary>
public static class RootHelp
{
    public static string ShortenCommands(string help, RootCommand root, int width)
    {
        var start = help.IndexOf("\nCommands:\n", StringComparison.Ordinal);
        if (start < 0) return help;
        var commands = root.Subcommands.Where(c => !c.Hidden).ToList();
        var names = commands.Select(c => c.Name + string.Concat(c.Arguments.Where(a => !a.Hidden).Take(1).Select(a => $" <{a.Name}>"))).ToList();
        var column = names.Max(n => n.Length) + 4;
        var text = new StringBuilder(help[..start]).Append("\nCommands:\n");
        for (int i = 0; i < commands.Count; i++)
        {
            var words = Summary(commands[i].Description ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var line = new StringBuilder("  ").Append(names[i].PadRight(column - 2));
            var lineStart = 0;
            foreach (var word in words)
            {
                if (line.Length - lineStart > column && line.Length - lineStart + 1 + word.Length > width)
                {
                    text.Append(line.ToString().TrimEnd()).Append('\n');
                    line.Clear().Append(' ', column);
                }
                else if (line.Length - lineStart > column) line.Append(' ');
                line.Append(word);
            }
            text.Append(line.ToString().TrimEnd()).Append('\n');
        }
        return text.Append('\n').ToString();
    }

    // Up to the first colon or full stop that ends a clause (not one inside a name such as "v1.2" or "docs/x.md").
    private static string Summary(string description)
    {
        var flat = description.ReplaceLineEndings(" ");
        for (int i = 0; i < flat.Length; i++)
        {
            if (flat[i] is '.' or ':' && (i + 1 == flat.Length || flat[i + 1] == ' ')) return flat[..i] + (flat[i] == '.' ? "." : "");
        }
        return flat;
    }
}
