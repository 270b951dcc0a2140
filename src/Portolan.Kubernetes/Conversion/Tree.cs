using System.Globalization;
using Portolan.Kubernetes.Yaml;

namespace Portolan.Kubernetes.Conversion;

/// <summary>
/// Builds the YAML trees that conversion writes. Built strings are marked quoted so the writer
/// keeps them strings (a name "true" stays "true"); copied nodes keep the style they were read with.
/// </summary>
public static class Tree
{
    public static YMap Map(params (string Key, YNode? Value)[] entries)
    {
        var map = new YMap(0);
        foreach (var (key, value) in entries)
        {
            if (value is not null) map.Add(key, value);
        }
        return map;
    }

    public static YSeq Seq(IEnumerable<YNode> items)
    {
        var seq = new YSeq(0);
        foreach (var item in items) seq.Add(item);
        return seq;
    }

    public static YScalar String(string value) => new(0, value, quoted: true);

    public static YScalar Int(int value) => new(0, value.ToString(CultureInfo.InvariantCulture), quoted: false);

    /// <summary>The value at key, or null when it is absent or written as null (the parsers read both as absent).</summary>
    public static YNode? Field(YMap map, string key) => map[key] is { } value && value is not YScalar { IsNull: true } ? value : null;

    /// <summary>A selector as written, or {} when it is absent: v1alpha1 reads an absent selector as {} (issue 3).</summary>
    public static YNode SelectorOrEverything(YMap parent, string key) => Field(parent, key) ?? Map();
}
