using System.Collections.Immutable;

namespace Portolan.Kubernetes.Live;

/// <summary>
/// One resource read from the API: its kind, group/version, plural and scope. Optional resources
/// are served by CRDs (the admin-tier kinds) and may be absent from a cluster.
/// </summary>
public sealed record ApiResource(string Kind, string Group, string Version, string Plural, bool Namespaced, bool Optional = false)
{
    /// <summary>What the live reader lists, in the order objects are loaded (namespaces first, as files usually are).</summary>
    public static ImmutableArray<ApiResource> All { get; } =
    [
        new("Namespace", "", "v1", "namespaces", Namespaced: false),
        new("Node", "", "v1", "nodes", Namespaced: false),
        new("Pod", "", "v1", "pods", Namespaced: true),
        new("ReplicationController", "", "v1", "replicationcontrollers", Namespaced: true),
        new("Deployment", "apps", "v1", "deployments", Namespaced: true),
        new("ReplicaSet", "apps", "v1", "replicasets", Namespaced: true),
        new("StatefulSet", "apps", "v1", "statefulsets", Namespaced: true),
        new("DaemonSet", "apps", "v1", "daemonsets", Namespaced: true),
        new("Job", "batch", "v1", "jobs", Namespaced: true),
        new("CronJob", "batch", "v1", "cronjobs", Namespaced: true),
        new("NetworkPolicy", "networking.k8s.io", "v1", "networkpolicies", Namespaced: true),
        new("AdminNetworkPolicy", "policy.networking.k8s.io", "v1alpha1", "adminnetworkpolicies", Namespaced: false, Optional: true),
        new("BaselineAdminNetworkPolicy", "policy.networking.k8s.io", "v1alpha1", "baselineadminnetworkpolicies", Namespaced: false, Optional: true),
        new("ClusterNetworkPolicy", "policy.networking.k8s.io", "v1alpha2", "clusternetworkpolicies", Namespaced: false, Optional: true),
    ];

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The discovery document of this resource's group/version.</summary>
    public string GroupVersionPath => Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";

    /// <summary>"pods", "networkpolicies.networking.k8s.io": as kubectl and RBAC messages name a resource.</summary>
    public string Display => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public bool IsPolicy => Kind is "NetworkPolicy" or "AdminNetworkPolicy" or "BaselineAdminNetworkPolicy" or "ClusterNetworkPolicy";

    /// <summary>The collection path: all namespaces when <paramref name="ns"/> is null, or for cluster-scoped kinds.</summary>
    public string CollectionPath(string? ns) =>
        Namespaced && ns is not null ? $"{GroupVersionPath}/namespaces/{Uri.EscapeDataString(ns)}/{Plural}" : $"{GroupVersionPath}/{Plural}";

    public string ObjectPath(string? ns, string name) =>
        Namespaced ? $"{GroupVersionPath}/namespaces/{Uri.EscapeDataString(ns ?? "default")}/{Plural}/{Uri.EscapeDataString(name)}" : $"{GroupVersionPath}/{Plural}/{Uri.EscapeDataString(name)}";

    /// <summary>"list pods in namespace shop", "watch networkpolicies.networking.k8s.io in all namespaces".</summary>
    public string Verb(string verb, string? ns) =>
        !Namespaced ? $"{verb} {Display} (cluster-scoped)" : ns is null ? $"{verb} {Display} in all namespaces" : $"{verb} {Display} in namespace {ns}";
}
