namespace Portolan.Tests.Fuzz;

/// <summary>Edits of the text's line structure: what a bad copy, paste or merge leaves behind.</summary>
public static class LineMutations
{
    public static readonly Mutation Truncate = new("truncate", (text, random) =>
        text.Length == 0 ? text : text[..random.Next(text.Length)]);

    public static readonly Mutation DeleteLines = new("delete-lines", (text, random) =>
    {
        var lines = TextLines.Lines(text);
        var first = random.Next(lines.Count);
        var last = Math.Min(lines.Count - 1, first + Count(random));
        return Remove(text, lines[first].Start, Math.Min(text.Length, lines[last].End + 1));
    });

    public static readonly Mutation DuplicateLines = new("duplicate-lines", (text, random) =>
    {
        var lines = TextLines.Lines(text);
        var first = random.Next(lines.Count);
        var last = Math.Min(lines.Count - 1, first + Count(random));
        var block = text[lines[first].Start..lines[last].End] + "\n";
        var copies = Math.Min(random.Next(5) == 0 ? random.Next(2, 200) : 1, Math.Max(1, Mutation.MaxBytes / block.Length));
        return text.Insert(lines[first].Start, string.Concat(Enumerable.Repeat(block, copies)));
    });

    public static readonly Mutation SwapLines = new("swap-lines", (text, random) =>
    {
        var lines = TextLines.Lines(text).Select(l => text.Substring(l.Start, l.Length)).ToList();
        int a = random.Next(lines.Count), b = random.Next(lines.Count);
        (lines[a], lines[b]) = (lines[b], lines[a]);
        return string.Join("\n", lines);
    });

    public static readonly Mutation Indentation = new("indentation", (text, random) =>
    {
        var lines = TextLines.Lines(text).Select(l => text.Substring(l.Start, l.Length)).ToList();
        var first = random.Next(lines.Count);
        var last = Math.Min(lines.Count - 1, first + Count(random));
        var shift = random.Next(-4, 5);
        for (int i = first; i <= last; i++)
        {
            lines[i] = shift >= 0 ? new string(' ', shift) + lines[i] : lines[i][Math.Min(-shift, lines[i].Length - lines[i].TrimStart(' ').Length)..];
        }
        return string.Join("\n", lines);
    });

    public static readonly Mutation Tabs = new("tabs", (text, random) =>
    {
        var lines = TextLines.Lines(text);
        var line = lines[random.Next(lines.Count)];
        var indent = text.AsSpan(line.Start, line.Length).Length - text.AsSpan(line.Start, line.Length).TrimStart(' ').Length;
        var colon = text.IndexOf(": ", line.Start, line.Length, StringComparison.Ordinal);
        return random.Next(3) switch
        {
            // A tab in indentation is forbidden in YAML; after a colon or at the end it is allowed.
            0 when indent > 0 => string.Concat(text.AsSpan(0, line.Start), new string('\t', 1 + indent / 2), text.AsSpan(line.Start + indent)),
            1 when colon >= 0 => text.Insert(colon + 1, "\t"),
            _ => text.Insert(line.End, "\t"),
        };
    });

    public static readonly Mutation DuplicateKey = new("duplicate-key", (text, random) =>
    {
        if (TextLines.PickValue(text, random) is not { } kv) return text;
        var line = text.Substring(kv.Line.Start, kv.Line.Length);
        // The same key again at the same indentation: a sibling that collides with the original.
        var sibling = new string(' ', kv.Indent) + line[kv.Indent..].TrimStart('-', ' ');
        if (line.TrimStart().StartsWith('-')) sibling = new string(' ', line.IndexOf('-', StringComparison.Ordinal) + 2) + line[kv.Indent..].TrimStart('-', ' ');
        return text.Insert(Math.Min(text.Length, kv.Line.End), "\n" + sibling);
    });

    private static readonly string[] Tokens =
    [
        "---\n", "...\n", "--- |\n  text\n", "%YAML 1.2\n---\n", "%YAML 9.9\n", "%TAG ! tag:x,2000:\n---\n", "%FOO bar\n",
        "&a ", "*a ", "*a\n", "&a &b x\n", "!!map ", "!!seq ", "!!str ", "!<> ", "! ", "!x!y z\n", "? ", "? [a, b]\n: c\n",
        "? {a: b}\n: c\n", ": ", "- ", "-\n", "|", ">", "|+\n", "|9\n", "'", "\"", "#", " # comment\n", "{", "}", "[", "]", ",",
        "<<: *a\n", "<<: {}\n", "<<: [1]\n", "<<: x\n", "key: value\n", "\\", "\r", "\r\n", "\u0085", "\u2028", "\uFEFF",
        "\u00A0", "\u200B", "\uFFFE", "\uFFFF", "\U0001F600", "&a\u0085b ", "*a\u2028", "!a\u0085 ", "kind: List\nitems: [1]\n", "apiVersion: v1\nkind: Pod\n",
    ];

    /// <summary>A YAML indicator, directive, tag or exotic character at a random place.</summary>
    public static readonly Mutation YamlTokens = new("yaml-token", (text, random) =>
    {
        var at = random.Next(text.Length + 1);
        return text.Insert(at, Mutation.Raw(Tokens[random.Next(Tokens.Length)]));
    });

    private static int Count(Random random) => random.Next(3) == 0 ? random.Next(1, 40) : random.Next(0, 3);

    private static string Remove(string text, int from, int to) => string.Concat(text.AsSpan(0, from), text.AsSpan(to));
}
