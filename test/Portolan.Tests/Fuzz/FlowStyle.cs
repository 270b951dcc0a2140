using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Portolan.Tests.Fuzz;

/// <summary>
/// The input rewritten in flow style ({"key": value, ...}), JSON-like when keys are quoted. Where
/// the input stops parsing, the rewrite stops too: that is a truncated flow document.
/// </summary>
public static class FlowStyle
{
    public static readonly Mutation ToFlow = new("flow-style", (text, random) =>
    {
        var quoteKeys = random.Next(2) == 0;
        var output = new StringBuilder();
        var open = new Stack<Collection>();
        try
        {
            var parser = new Parser(new StringReader(Encoding.UTF8.GetString(Mutation.ToBytes(text))));
            var documents = 0;
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case DocumentStart:
                        if (documents++ > 0) output.Append("\n---\n");
                        break;
                    case Scalar scalar:
                        var isKey = open.TryPeek(out var parent) && parent.IsMap && parent.Count % 2 == 0;
                        Separator(output, open);
                        Anchor(output, scalar.Anchor);
                        output.Append(Quote(scalar, isKey && quoteKeys));
                        break;
                    case AnchorAlias alias:
                        Separator(output, open);
                        output.Append('*').Append(alias.Value.Value);
                        break;
                    case MappingStart map:
                        Separator(output, open);
                        Anchor(output, map.Anchor);
                        output.Append('{');
                        open.Push(new Collection(true));
                        break;
                    case SequenceStart seq:
                        Separator(output, open);
                        Anchor(output, seq.Anchor);
                        output.Append('[');
                        open.Push(new Collection(false));
                        break;
                    case MappingEnd or SequenceEnd:
                        output.Append(open.Pop().IsMap ? '}' : ']');
                        break;
                }
            }
        }
        catch (YamlException)
        {
            // Keep what was converted: a flow document cut where the original stopped parsing.
        }
        return Mutation.Raw(output.ToString());
    });

    private sealed class Collection(bool isMap)
    {
        public bool IsMap { get; } = isMap;

        public int Count { get; set; }
    }

    private static void Separator(StringBuilder output, Stack<Collection> open)
    {
        if (!open.TryPeek(out var parent)) return;
        if (parent.IsMap && parent.Count % 2 == 1) output.Append(": ");
        else if (parent.Count > 0) output.Append(", ");
        parent.Count++;
    }

    private static void Anchor(StringBuilder output, AnchorName anchor)
    {
        if (!anchor.IsEmpty) output.Append('&').Append(anchor.Value).Append(' ');
    }

    private static string Quote(Scalar scalar, bool force)
    {
        if (!force && scalar.Style == ScalarStyle.Plain && scalar.Value.Length > 0 && scalar.Value.IndexOfAny([',', '[', ']', '{', '}', '#', ':', '"', '\'']) < 0)
            return scalar.Value;
        var quoted = new StringBuilder("\"");
        foreach (var c in scalar.Value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                < ' ' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }
}
