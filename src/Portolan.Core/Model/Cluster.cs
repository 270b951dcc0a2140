using System.Collections.Immutable;
using Portolan.Core.Selectors;

namespace Portolan.Core.Model;

/// <summary>Everything the engine analyses, already validated and normalised.</summary>
public sealed record Cluster(
    ImmutableDictionary<string, NamespaceInfo> Namespaces,
    ImmutableArray<Pod> Pods,
    ImmutableArray<Policy> Policies,
    ImmutableArray<NodeInfo> Nodes)
{
    /// <summary>Labels of a namespace; one that is referenced but not defined has only its name label (semantics §6.12).</summary>
    public Labels NamespaceLabels(string name) =>
        Namespaces.TryGetValue(name, out var ns) ? ns.Labels : Labels.Empty.With(NamespaceInfo.NameLabel, name);
}
