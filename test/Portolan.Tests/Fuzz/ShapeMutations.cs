using System.Text;

namespace Portolan.Tests.Fuzz;

/// <summary>
/// Values far deeper or wider than any manifest: the reader bounds depth (200) but not width, so
/// width is where time per key matters.
/// </summary>
public static class ShapeMutations
{
    private static readonly int[] Depths = [10, 199, 200, 201, 1_000, 10_000, 100_000];

    private static readonly int[] Widths = [100, 1_000, 10_000, 50_000];

    public static readonly Mutation DeepNesting = new("deep-nesting", (text, random) =>
    {
        var depth = Depths[random.Next(Depths.Length)];
        var nested = random.Next(6) switch
        {
            0 => new string('[', depth),
            1 => new string('[', depth) + new string(']', depth),
            2 => Repeat("{a: ", depth) + "b" + new string('}', depth),
            3 => Repeat("{a: ", depth),
            4 => Repeat("- ", depth) + "x",
            // Block mappings one space deeper per level; capped so the text stays under a megabyte.
            _ => BlockNesting(Math.Min(depth, 1_000)),
        };
        return Place(text, random, nested);
    });

    public static readonly Mutation Wide = new("wide", (text, random) =>
    {
        var width = Widths[random.Next(Widths.Length)];
        var wide = new StringBuilder();
        switch (random.Next(4))
        {
            case 0:
                wide.Append('{');
                for (int i = 0; i < width; i++) wide.Append(i == 0 ? "" : ", ").Append('k').Append(i).Append(": v");
                wide.Append('}');
                break;
            case 1:
                wide.Append('[');
                for (int i = 0; i < width; i++) wide.Append(i == 0 ? "" : ", ").Append("{podSelector: {}}");
                wide.Append(']');
                break;
            case 2:
                wide.Append('{');
                for (int i = 0; i < width; i++) wide.Append(i == 0 ? "" : ", ").Append("app").Append(i).Append(": x");
                wide.Append('}');
                break;
            default:
                // The same key many times: a duplicate-key error that must be found fast.
                wide.Append('{');
                for (int i = 0; i < width; i++) wide.Append(i == 0 ? "" : ", ").Append("k: v");
                wide.Append('}');
                break;
        }
        return Place(text, random, wide.ToString());
    });

    /// <summary>In place of a value (often one the loader reads), else at a random offset.</summary>
    public static string Place(string text, Random random, string value)
    {
        if (random.Next(5) != 0 && TextLines.PickValue(text, random) is { } kv)
            return string.Concat(text.AsSpan(0, kv.Value), value, text.AsSpan(TextLines.ValueEnd(text, kv)));
        return text.Insert(random.Next(text.Length + 1), value);
    }

    private static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

    private static string BlockNesting(int depth)
    {
        var text = new StringBuilder("\n");
        for (int i = 1; i <= depth; i++) text.Append(' ', i).Append("a:\n");
        return text.Append(' ', depth + 1).Append("b\n").ToString();
    }
}
