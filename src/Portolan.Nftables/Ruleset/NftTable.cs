using System.Collections.Immutable;

namespace Portolan.Nftables.Ruleset;

/// <summary>One <c>table inet NAME</c>, written to replace any table of the same name atomically.</summary>
public sealed record NftTable(
    string Name,
    ImmutableArray<string> Header,
    ImmutableArray<NftSet> Sets,
    ImmutableArray<NftMap> Maps,
    ImmutableArray<NftChain> Chains)
{
    public int RuleCount => Chains.Sum(c => c.Rules.Length);

    public int ElementCount => Sets.Sum(s => s.Elements.Length) + Maps.Sum(m => m.Elements.Length);
}
