using Portolan.Kubernetes.Yaml;

namespace Portolan.Kubernetes.Conversion;

/// <summary>
/// An object of an input as conversion sees it: its kind (a List's item kind applied, as the loader
/// does), its name and where it is. Only the admin kinds matter; the rest pass through.
/// </summary>
public sealed record AdminObject(string Kind, string Name, YMap Root, string File)
{
    public const string Anp = "AdminNetworkPolicy";
    public const string Banp = "BaselineAdminNetworkPolicy";
    public const string Cnp = "ClusterNetworkPolicy";

    public bool IsConvertible => Kind is Anp or Banp;

    public string Display => $"{Kind} {Name}";

    /// <summary>Every object of a document, list items included, with the kind and name the loader would give it.</summary>
    public static IEnumerable<AdminObject> In(YMap root, string file, string? itemKind = null)
    {
        var kind = Tree.Field(root, "kind") is YScalar { Value.Length: > 0 } k ? k.Value : itemKind ?? "";
        if (kind.EndsWith("List", StringComparison.Ordinal) && root.Has("items"))
        {
            var inner = kind == "List" ? null : kind[..^"List".Length];
            foreach (var item in (Tree.Field(root, "items") as YSeq)?.Items ?? [])
            {
                if (item is not YMap map) continue;
                foreach (var found in In(map, file, inner)) yield return found;
            }
            yield break;
        }
        var name = Tree.Field(root, "metadata") is YMap metadata && Tree.Field(metadata, "name") is YScalar n ? n.Value : "";
        yield return new AdminObject(kind, name, root, file);
    }
}
