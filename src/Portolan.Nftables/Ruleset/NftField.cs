namespace Portolan.Nftables.Ruleset;

/// <summary>A packet field a rule reads: a payload field (<c>ip saddr</c>, <c>th dport</c>) or a meta key (<c>meta l4proto</c>).</summary>
public sealed record NftField(string Protocol, string Name, bool IsMeta = false)
{
    public static NftField L4Proto { get; } = new("meta", "l4proto", IsMeta: true);

    public static NftField DestinationPort { get; } = new("th", "dport");

    public static NftField Source(IPFamily family) => new(family.Payload(), "saddr");

    public static NftField Destination(IPFamily family) => new(family.Payload(), "daddr");

    public override string ToString() => $"{Protocol} {Name}";
}
