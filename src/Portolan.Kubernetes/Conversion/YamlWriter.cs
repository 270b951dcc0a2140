using System.Text;
using Portolan.Kubernetes.Yaml;

namespace Portolan.Kubernetes.Conversion;

/// <summary>
/// Writes a tree as block YAML, deterministically: 2-space indent, list items at their key's
/// indent (as kubectl writes them), {} and [] for empty collections, keys in tree order.
/// Comments and anchors are not kept (aliases are written expanded).
/// </summary>
public static class YamlWriter
{
    public static string Write(YNode root)
    {
        var text = new StringBuilder();
        switch (root)
        {
            case YMap { Entries.Count: > 0 } map: WriteEntries(text, map, 0, firstInline: false); break;
            case YSeq { Items.Count: > 0 } seq: WriteItems(text, seq, 0, firstInline: false); break;
            default: text.Append(Inline(root)).Append('\n'); break;
        }
        return text.ToString();
    }

    private static void WriteEntries(StringBuilder text, YMap map, int indent, bool firstInline)
    {
        for (int i = 0; i < map.Entries.Count; i++)
        {
            var (key, value) = map.Entries[i];
            if (i > 0 || !firstInline) text.Append(' ', indent);
            text.Append(YamlScalars.Key(key)).Append(':');
            switch (value)
            {
                case YMap { Entries.Count: > 0 } child:
                    text.Append('\n');
                    WriteEntries(text, child, indent + 2, firstInline: false);
                    break;
                case YSeq { Items.Count: > 0 } child:
                    text.Append('\n');
                    WriteItems(text, child, indent, firstInline: false);
                    break;
                default:
                    text.Append(' ').Append(Inline(value)).Append('\n');
                    break;
            }
        }
    }

    private static void WriteItems(StringBuilder text, YSeq seq, int indent, bool firstInline)
    {
        for (int i = 0; i < seq.Items.Count; i++)
        {
            if (i > 0 || !firstInline) text.Append(' ', indent);
            switch (seq.Items[i])
            {
                case YMap { Entries.Count: > 0 } map:
                    text.Append("- ");
                    WriteEntries(text, map, indent + 2, firstInline: true);
                    break;
                case YSeq { Items.Count: > 0 } inner:
                    text.Append("- ");
                    WriteItems(text, inner, indent + 2, firstInline: true);
                    break;
                case var item:
                    text.Append("- ").Append(Inline(item)).Append('\n');
                    break;
            }
        }
    }

    private static string Inline(YNode node) => node switch
    {
        YMap => "{}",
        YSeq => "[]",
        YScalar s => YamlScalars.Value(s),
        _ => throw new ArgumentException($"cannot write a {node.TypeName}", nameof(node)),
    };
}
