using System.Collections.Immutable;

namespace Portolan.Nftables.Ruleset;

/// <summary>A chain; a base chain has a hook (always the filter forward hook here) and a priority relative to <c>filter</c>.</summary>
public sealed record NftChain(string Name, int? ForwardPriority, ImmutableArray<NftRule> Rules)
{
    public bool IsBase => ForwardPriority is not null;
}
