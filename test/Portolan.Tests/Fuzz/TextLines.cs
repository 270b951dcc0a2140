using System.Text.RegularExpressions;

namespace Portolan.Tests.Fuzz;

/// <summary>Line and value positions in a byte string, for mutations that edit YAML structure.</summary>
public static partial class TextLines
{
    public readonly record struct Span(int Start, int Length)
    {
        public int End => Start + Length;
    }

    /// <summary>"key: value" on one line (optionally a list item); Value is where the value starts.</summary>
    public readonly record struct KeyValue(Span Line, string Key, int Value, int Indent);

    // Keys the loader reads: a mutation there reaches the parsers, not only the YAML reader.
    public static readonly string[] ReadKeys =
    [
        "apiVersion", "kind", "metadata", "name", "namespace", "labels", "spec", "podSelector", "namespaceSelector",
        "matchLabels", "matchExpressions", "key", "operator", "values", "ingress", "egress", "from", "to", "ports",
        "port", "endPort", "protocol", "ipBlock", "cidr", "except", "policyTypes", "items", "containers", "containerPort",
        "template", "priority", "subject", "action", "networks", "status", "podIPs", "ip", "tier", "protocols",
    ];

    public static List<Span> Lines(string text)
    {
        if (text.Length == 0) return [new Span(0, 0)];
        var lines = new List<Span>();
        for (int start = 0; start < text.Length;)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            lines.Add(new Span(start, end - start));
            start = end + 1;
        }
        return lines;
    }

    public static List<KeyValue> KeyValues(string text)
    {
        var result = new List<KeyValue>();
        foreach (var line in Lines(text))
        {
            var match = KeyValuePattern().Match(text, line.Start, line.Length);
            if (!match.Success) continue;
            var key = match.Groups["key"].Value.Trim().Trim('"', '\'');
            result.Add(new KeyValue(line, key, match.Groups["value"].Index, match.Groups["indent"].Length));
        }
        return result;
    }

    /// <summary>A value position, preferring (half the time) keys the loader reads; null when there is none.</summary>
    public static KeyValue? PickValue(string text, Random random)
    {
        var all = KeyValues(text);
        if (all.Count == 0) return null;
        if (random.Next(2) == 0)
        {
            var read = all.Where(kv => ReadKeys.Contains(kv.Key, StringComparer.Ordinal)).ToList();
            if (read.Count > 0) return read[random.Next(read.Count)];
        }
        return all[random.Next(all.Count)];
    }

    /// <summary>
    /// Where the value at <paramref name="kv"/> ends: the line end for block values and flow
    /// collections, the next separator for a scalar inside a flow collection; a JSON comma stays.
    /// </summary>
    public static int ValueEnd(string text, KeyValue kv)
    {
        var end = kv.Line.End;
        if (end > kv.Value && text[end - 1] == '\r') end--;
        var inFlow = text.IndexOfAny(['{', '['], kv.Line.Start, kv.Value - kv.Line.Start) >= 0;
        if (inFlow && text[kv.Value] is not ('{' or '['))
        {
            var stop = text.IndexOfAny([',', '}', ']'], kv.Value, end - kv.Value);
            if (stop >= 0) return stop;
        }
        return end > kv.Value && text[end - 1] == ',' ? end - 1 : end;
    }

    [GeneratedRegex(@"\G(?<indent>[ ]*(?:-[ ]+)*)(?<key>""[^""\n]*""|'[^'\n]*'|[^\s#:{}\[\],'""-][^:\n#]*?):(?:[ ]+)(?<value>[^\s#])", RegexOptions.CultureInvariant)]
    private static partial Regex KeyValuePattern();
}
