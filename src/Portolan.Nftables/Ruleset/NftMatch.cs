using System.Collections.Immutable;

namespace Portolan.Nftables.Ruleset;

/// <summary>One condition of a rule; a rule matches when all of its conditions hold.</summary>
public abstract record NftMatch;

/// <summary>The concatenation of <see cref="Keys"/> is an element of the named set: <c>ip saddr . th dport @s</c>.</summary>
public sealed record SetLookup(ImmutableArray<NftField> Keys, string Set) : NftMatch;

/// <summary>A field equals one value or lies in an anonymous set of values: <c>meta l4proto tcp</c>, <c>icmpv6 type { ... }</c>.</summary>
public sealed record ValueMatch(NftField Field, ImmutableArray<string> Values) : NftMatch;

/// <summary><c>ct state established,related</c>.</summary>
public sealed record CtStateMatch(ImmutableArray<string> States) : NftMatch;

/// <summary><c>ip saddr vmap @map</c>: the verdict is looked up; no match continues with the next rule.</summary>
public sealed record VerdictMapLookup(NftField Key, string Map) : NftMatch;
