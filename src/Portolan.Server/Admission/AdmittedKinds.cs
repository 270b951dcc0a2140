using Portolan.Core.Model;

namespace Portolan.Server.Admission;

/// <summary>The policy kinds the webhook analyses, by the group the API server names in request.kind.</summary>
public static class AdmittedKinds
{
    public static readonly IReadOnlyDictionary<string, (string Group, PolicyKind Kind)> ByName = new Dictionary<string, (string, PolicyKind)>(StringComparer.Ordinal)
    {
        ["NetworkPolicy"] = ("networking.k8s.io", PolicyKind.NetworkPolicy),
        ["AdminNetworkPolicy"] = ("policy.networking.k8s.io", PolicyKind.AdminNetworkPolicy),
        ["BaselineAdminNetworkPolicy"] = ("policy.networking.k8s.io", PolicyKind.BaselineAdminNetworkPolicy),
        ["ClusterNetworkPolicy"] = ("policy.networking.k8s.io", PolicyKind.ClusterNetworkPolicy),
    };

    public static bool TryGet(GroupVersionKind? gvk, out PolicyKind kind)
    {
        kind = default;
        if (gvk?.Kind is null || !ByName.TryGetValue(gvk.Kind, out var known) || (gvk.Group ?? "") != known.Group) return false;
        kind = known.Kind;
        return true;
    }

    public static bool IsClusterScoped(PolicyKind kind) => kind != PolicyKind.NetworkPolicy;
}
