using System.Collections.Immutable;
using Portolan.Core.Model;
using Portolan.Core.Selectors;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis.Guardrails;

/// <summary>A guardrail's <c>from</c> or <c>to</c>: the union of its entries; omitted means every pod and every external address.</summary>
public sealed record PeerSelection(ImmutableArray<PeerSelector> Entries)
{
    public static PeerSelection Any { get; } = new([WorkloadSelector.Everything, AddressSelector.Everywhere]);

    public bool MatchesPod(Pod pod, Labels namespaceLabels) =>
        Entries.OfType<WorkloadSelector>().Any(w => w.Matches(pod, namespaceLabels));

    /// <summary>The external addresses named (empty when only pods are).</summary>
    public AddressSet Addresses { get; } = Entries.OfType<AddressSelector>().Aggregate(AddressSet.Empty, (a, s) => a.Union(s.Addresses));

    public override string ToString() => ReferenceEquals(this, Any) ? "anywhere" : string.Join("; ", Entries);
}
