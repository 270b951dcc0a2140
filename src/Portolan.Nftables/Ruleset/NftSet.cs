using System.Collections.Immutable;

namespace Portolan.Nftables.Ruleset;

/// <summary>A named set; <see cref="Type"/> has one entry per concatenated part (<c>ipv4_addr . inet_proto . inet_service</c>).</summary>
public sealed record NftSet(string Name, ImmutableArray<string> Type, bool Interval, ImmutableArray<NftElement> Elements);

/// <summary>A named verdict map from an address to a chain (<c>goto</c>).</summary>
public sealed record NftMap(string Name, IPFamily Family, ImmutableArray<(NftValue Key, NftVerdict Verdict)> Elements);
