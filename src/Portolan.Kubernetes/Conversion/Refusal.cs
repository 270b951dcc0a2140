using Portolan.Kubernetes.Parsing;
using Portolan.Kubernetes.Yaml;

namespace Portolan.Kubernetes.Conversion;

/// <summary>Errors for what ClusterNetworkPolicy v1alpha2 cannot express exactly, at file:line with object and field.</summary>
internal static class Refusal
{
    public static ManifestException At(Node node, YNode at, string path, string problem) =>
        node.Error(at, path, $"cannot be converted to ClusterNetworkPolicy v1alpha2: {problem}");

    /// <summary>
    /// A field the parsers do not read would be dropped silently by a conversion; refuse instead,
    /// so nothing the author wrote disappears (docs/convert.md).
    /// </summary>
    public static void UnknownFields(Node node, YMap map, string path, params string[] known)
    {
        foreach (var (key, value) in map.Entries)
        {
            if (value is YScalar { IsNull: true } || known.Contains(key, StringComparer.Ordinal)) continue;
            throw At(node, value, Node.Join(path, key), $"\"{key}\" is not a v1alpha1 field that convert knows ({string.Join(", ", known)}), and it would be lost");
        }
    }

    /// <summary>v1alpha2 allows at most 25 rules per direction, peers per rule and protocols per rule (semantics §5.4).</summary>
    public static void Limit(Node node, YNode at, string path, int count, int max, string what)
    {
        if (count > max) throw At(node, at, path, $"it lists {count} {what}; v1alpha2 allows at most {max}");
    }
}
