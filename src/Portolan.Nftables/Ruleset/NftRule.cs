using System.Collections.Immutable;

namespace Portolan.Nftables.Ruleset;

/// <summary>Conditions, then a verdict (none when a verdict map decides), then a comment naming where the rule comes from.</summary>
public sealed record NftRule(ImmutableArray<NftMatch> Matches, NftVerdict? Verdict, string Comment);
