using System.Collections.Immutable;
using Portolan.Core.Model;

namespace Portolan.Core.Analysis.Compressed;

/// <summary>
/// Pods that no selector, named port or address block can tell apart: same namespace, labels,
/// container ports and address-block signature. One representative is evaluated for all.
/// </summary>
public sealed record EndpointClass(int Index, PodEndpoint Representative, ImmutableArray<Pod> Members)
{
    public override string ToString() => $"class {Index} ({Representative.Pod}, {Members.Length} pods)";
}
