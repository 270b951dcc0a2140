using System.Collections.Immutable;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis.Guardrails;

/// <summary>Every statement of one or more guardrails files, in file order; names are unique.</summary>
public sealed record GuardrailSet(ImmutableArray<Guardrail> Statements)
{
    public static GuardrailSet Empty { get; } = new(ImmutableArray<Guardrail>.Empty);

    /// <summary>
    /// The address ranges the statements name. An engine built with them as extra cuts (see
    /// <see cref="ExternalAtoms.Build"/>) has external ranges that lie wholly inside or outside each, and
    /// has IPv6 ranges at all when only a guardrail names IPv6; without them IPv6 selectors match nothing.
    /// </summary>
    public IReadOnlyCollection<AddressSet> AddressCuts =>
        [.. Statements.SelectMany(Selections).SelectMany(s => s.Entries).OfType<AddressSelector>().Select(a => a.Addresses).Distinct()];

    // only and isolated look at every source or peer, IPv6 included.
    private static IEnumerable<PeerSelection> Selections(Guardrail statement) => statement switch
    {
        DenyGuardrail d => [d.From, d.To],
        RequireGuardrail r => [r.From, r.To],
        OnlyGuardrail o => [o.To, PeerSelection.Any, .. o.Allow.Select(a => a.From)],
        _ => [PeerSelection.Any],
    };
}
