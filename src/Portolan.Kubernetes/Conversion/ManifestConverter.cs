using System.Text;
using Portolan.Kubernetes.Yaml;

namespace Portolan.Kubernetes.Conversion;

/// <summary>
/// `convert --to v1alpha2` over validated inputs: every ANP and BANP becomes its ClusterNetworkPolicy,
/// in place and in order; every other document is written back as its original text. Empty
/// documents are dropped. Throws <see cref="ManifestException"/> for what v1alpha2 cannot express.
/// </summary>
public sealed class ManifestConverter(Action<string> note)
{
    public const string Separator = "---\n";

    public string Convert(IEnumerable<ManifestText> inputs)
    {
        var documents = inputs.SelectMany(i => DocumentSlicer.Slice(i.Text, i.File)).ToList();
        var plan = ConversionPlan.For(documents, note);
        var output = new StringBuilder();
        foreach (var document in documents)
        {
            if (document.Root is null or YScalar { IsNull: true }) continue;
            var text = document.Root is YMap map && AdminObject.In(map, document.File).Any(o => o.IsConvertible)
                ? YamlWriter.Write(Rewrite(map, document.File, null, plan))
                : document.Text;
            if (output.Length > 0) output.Append(Separator);
            output.Append(text);
            if (!text.EndsWith('\n')) output.Append('\n');
        }
        return output.ToString();
    }

    // A List is rewritten whole (its other items from their trees): a typed ANP/BANP list becomes a
    // ClusterNetworkPolicyList, and converted items carry their own apiVersion and kind.
    private static YMap Rewrite(YMap root, string file, string? itemKind, ConversionPlan plan)
    {
        var kind = Tree.Field(root, "kind") is YScalar { Value.Length: > 0 } k ? k.Value : itemKind ?? "";
        if (!kind.EndsWith("List", StringComparison.Ordinal) || !root.Has("items"))
        {
            var admin = AdminObject.In(root, file, itemKind).Single();
            return admin.IsConvertible ? AdminPolicyConverter.Convert(admin, plan.NameFor(admin)) : root;
        }
        var inner = kind == "List" ? null : kind[..^"List".Length];
        var typedAdmin = inner is AdminObject.Anp or AdminObject.Banp;
        var list = new YMap(root.Line);
        foreach (var (key, value) in root.Entries)
        {
            list.Add(key, (key, value) switch
            {
                ("apiVersion", _) when typedAdmin => Tree.String(AdminPolicyConverter.ApiVersion),
                ("kind", _) when typedAdmin => Tree.String(AdminObject.Cnp + "List"),
                ("items", YSeq items) => Tree.Seq(items.Items.Select(i => i is YMap m ? Rewrite(m, file, inner, plan) : i)),
                _ => value,
            });
        }
        return list;
    }
}
