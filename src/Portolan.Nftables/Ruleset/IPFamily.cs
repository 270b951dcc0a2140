namespace Portolan.Nftables.Ruleset;

/// <summary>The address family a match reads: <c>ip</c> (IPv4) or <c>ip6</c> (IPv6) in an inet table.</summary>
public enum IPFamily
{
    V4,
    V6,
}

public static class IPFamilies
{
    public static IReadOnlyList<IPFamily> All { get; } = [IPFamily.V4, IPFamily.V6];

    public static string Payload(this IPFamily family) => family == IPFamily.V4 ? "ip" : "ip6";

    public static string AddressType(this IPFamily family) => family == IPFamily.V4 ? "ipv4_addr" : "ipv6_addr";

    public static string Suffix(this IPFamily family) => family == IPFamily.V4 ? "v4" : "v6";
}
