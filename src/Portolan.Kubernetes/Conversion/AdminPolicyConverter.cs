using System.Globalization;
using Portolan.Core.Model;
using Portolan.Kubernetes.Parsing;
using Portolan.Kubernetes.Yaml;

namespace Portolan.Kubernetes.Conversion;

/// <summary>
/// One validated AdminNetworkPolicy or BaselineAdminNetworkPolicy (v1alpha1) as the
/// ClusterNetworkPolicy (v1alpha2) that means exactly the same (semantics §5.4, docs/convert.md):
/// the ANP keeps its tier position and priority, the BANP becomes the first Baseline policy.
/// </summary>
public static class AdminPolicyConverter
{
    public const string ApiVersion = "policy.networking.k8s.io/v1alpha2";

    // Set by the API server or tools, and meaningless on a new object; everything else in metadata is dropped too.
    private const string LastApplied = "kubectl.kubernetes.io/last-applied-configuration";

    public static YMap Convert(AdminObject admin, string name)
    {
        var node = new Node(admin.File, admin.Display);
        var root = admin.Root;
        var baseline = admin.Kind == AdminObject.Banp;
        // status is written by controllers; a converted object starts without one.
        Refusal.UnknownFields(node, root, "", "apiVersion", "kind", "metadata", "spec", "status");
        var spec = (YMap)Tree.Field(root, "spec")!;
        Refusal.UnknownFields(node, spec, "spec", baseline ? ["subject", "ingress", "egress"] : ["priority", "subject", "ingress", "egress"]);
        var priority = baseline
            ? ConversionPlan.BaselinePriority
            : int.Parse(((YScalar)Tree.Field(spec, "priority")!).Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return Tree.Map(
            ("apiVersion", Tree.String(ApiVersion)),
            ("kind", Tree.String(AdminObject.Cnp)),
            ("metadata", Metadata((YMap)Tree.Field(root, "metadata")!, name)),
            ("spec", Tree.Map(
                ("tier", Tree.String(baseline ? "Baseline" : "Admin")),
                ("priority", Tree.Int(priority)),
                ("subject", Selection(node, (YMap)Tree.Field(spec, "subject")!, "spec.subject")),
                ("ingress", RuleConverter.Rules(node, spec, Direction.Ingress)),
                ("egress", RuleConverter.Rules(node, spec, Direction.Egress)))));
    }

    private static YMap Metadata(YMap metadata, string name)
    {
        var annotations = Tree.Field(metadata, "annotations") as YMap;
        var kept = annotations is null ? null : Tree.Map([.. annotations.Entries.Where(e => e.Key != LastApplied).Select(e => (e.Key, (YNode?)e.Value))]);
        return Tree.Map(
            ("name", Tree.String(name)),
            ("labels", Tree.Field(metadata, "labels")),
            ("annotations", kept is { Entries.Count: > 0 } ? kept : null));
    }

    /// <summary>
    /// A subject or a pod peer: exactly one of namespaces or pods (the loader checked that). v1alpha1
    /// reads an absent pods selector as {}; v1alpha2 requires podSelector, so both are written.
    /// </summary>
    internal static YMap Selection(Node node, YMap map, string path)
    {
        Refusal.UnknownFields(node, map, path, "namespaces", "pods");
        if (Tree.Field(map, "namespaces") is { } namespaces) return Tree.Map(("namespaces", namespaces));
        var pods = (YMap)Tree.Field(map, "pods")!;
        Refusal.UnknownFields(node, pods, $"{path}.pods", "namespaceSelector", "podSelector");
        return Tree.Map(("pods", Tree.Map(
            ("namespaceSelector", Tree.SelectorOrEverything(pods, "namespaceSelector")),
            ("podSelector", Tree.SelectorOrEverything(pods, "podSelector")))));
    }
}
