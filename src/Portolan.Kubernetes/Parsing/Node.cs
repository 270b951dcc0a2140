using System.Globalization;
using Portolan.Core.Model;
using Portolan.Kubernetes.Yaml;

namespace Portolan.Kubernetes.Parsing;

/// <summary>
/// Typed, located access to one object's fields. Every error names the file, the line of the
/// offending field, the object and the field path.
/// </summary>
public sealed class Node(string file, string objectName, Action<string>? warn = null)
{
    /// <summary>Reports something accepted but doubtful (a warning on stderr), with location and object.</summary>
    public void Warn(YNode at, string path, string problem) =>
        warn?.Invoke($"warning: {At(at)}: {ObjectName}: {(path.Length == 0 ? problem : $"{path}: {problem}")}");

    public string File { get; } = file;

    public string ObjectName { get; } = objectName;

    public SourceLocation At(YNode node) => new(File, node.Line);

    public ManifestException Error(YNode node, string path, string problem) =>
        new(At(node), ObjectName, path.Length == 0 ? problem : $"{path}: {problem}");

    public YMap? Map(YMap parent, string key, string path)
    {
        var value = parent[key];
        if (value is null || value is YScalar { IsNull: true }) return null;
        return value as YMap ?? throw Error(value, Join(path, key), $"must be an object, not a {value.TypeName}");
    }

    public IReadOnlyList<YNode>? List(YMap parent, string key, string path)
    {
        var value = parent[key];
        if (value is null || value is YScalar { IsNull: true }) return null;
        return (value as YSeq)?.Items ?? throw Error(value, Join(path, key), $"must be a list, not a {value.TypeName}");
    }

    public YMap Item(YNode item, string path) =>
        item as YMap ?? throw Error(item, path, $"must be an object, not a {item.TypeName}");

    public string? String(YMap parent, string key, string path)
    {
        var value = parent[key];
        if (value is null || value is YScalar { IsNull: true }) return null;
        return (value as YScalar)?.Value ?? throw Error(value, Join(path, key), $"must be a string, not a {value.TypeName}");
    }

    public string ScalarString(YNode item, string path) =>
        item is YScalar { IsNull: false } s ? s.Value : throw Error(item, path, $"must be a string, not a {item.TypeName}");

    public int? Int(YMap parent, string key, string path)
    {
        var value = parent[key];
        if (value is null || value is YScalar { IsNull: true }) return null;
        if (value is YScalar { Quoted: false } s && TryInt(s.Value, out var n)) return n;
        throw Error(value, Join(path, key), $"must be an integer, not {Describe(value)}");
    }

    public bool? Bool(YMap parent, string key, string path)
    {
        var value = parent[key];
        if (value is null || value is YScalar { IsNull: true }) return null;
        if (value is YScalar { Quoted: false } s)
        {
            if (s.Value is "true" or "True" or "TRUE") return true;
            if (s.Value is "false" or "False" or "FALSE") return false;
        }
        throw Error(value, Join(path, key), $"must be true or false, not {Describe(value)}");
    }

    /// <summary>An int-or-string field: a plain integer scalar is a number, anything else a string.</summary>
    public (int? Number, string? Name)? IntOrString(YMap parent, string key, string path)
    {
        var value = parent[key];
        if (value is null || value is YScalar { IsNull: true }) return null;
        if (value is not YScalar s) throw Error(value, Join(path, key), $"must be a number or a name, not a {value.TypeName}");
        if (!s.Quoted && TryInt(s.Value, out var n)) return (n, null);
        if (!s.Quoted && LooksNumeric(s.Value)) throw Error(value, Join(path, key), $"must be an integer in 1-65535, not {s.Value}");
        return (null, s.Value);
    }

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static bool TryInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    // "-1", "+80", "8.5" are bad numbers; "-http" is a (bad) name and is reported as one.
    private static bool LooksNumeric(string text)
    {
        var digits = text.TrimStart('-', '+');
        return digits.Length > 0 && (char.IsAsciiDigit(digits[0]) || (digits[0] == '.' && digits.Length > 1 && char.IsAsciiDigit(digits[1])));
    }

    private static string Describe(YNode node) => node is YScalar s
        ? (s.Quoted ? $"the string \"{Truncate(s.Value)}\"" : $"\"{Truncate(s.Value)}\"")
        : $"a {node.TypeName}";

    private static string Truncate(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
