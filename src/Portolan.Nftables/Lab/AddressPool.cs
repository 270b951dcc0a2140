using System.Net;
using Portolan.Core.Sets;

namespace Portolan.Nftables.Lab;

/// <summary>
/// Hands out lab addresses: from the given ranges, never one already taken, never one a host cannot use
/// (unspecified, loopback, link-local, multicast, IPv4-mapped) nor the lab's gateways.
/// </summary>
public sealed class AddressPool
{
    /// <summary>Documentation ranges (RFC 5737): external lab hosts may use them.</summary>
    public static readonly IReadOnlyList<Cidr> DocumentationRanges = [Parse("192.0.2.0/24"), Parse("198.51.100.0/24"), Parse("203.0.113.0/24")];

    private static readonly AddressSet Unusable = new[]
    {
        "0.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/3", "::/127", "::ffff:0:0/96", "fe80::/10", "ff00::/8",
    }.Select(c => AddressSet.Of(Parse(c))).Aggregate(AddressSet.Empty, (a, b) => a.Union(b));

    private AddressSet _taken = AddressSet.Empty;

    public static bool IsUsable(IPAddress address) => !Unusable.Contains(address);

    /// <summary>Marks an address as used; false when it was taken already.</summary>
    public bool Take(IPAddress address)
    {
        if (_taken.Contains(address)) return false;
        _taken = _taken.Union(AddressSet.Of(address));
        return true;
    }

    /// <summary>The first free usable address of <paramref name="within"/>, skipping each range's first address; null when none is left.</summary>
    public IPAddress? Next(AddressSet within)
    {
        var free = within.Subtract(Unusable).Subtract(_taken);
        foreach (var interval in free.V4.Intervals)
        {
            var address = Cidr.FromInteger(interval.Start, false);
            if (Take(address)) return address;
        }
        foreach (var interval in free.V6.Intervals)
        {
            var address = Cidr.FromInteger(interval.Start, true);
            if (Take(address)) return address;
        }
        return null;
    }

    /// <summary>A range without its first address (the "network" address people do not expect a pod on).</summary>
    public static AddressSet HostsOf(Cidr range) =>
        range.First == range.Last ? AddressSet.Of(range) : AddressSet.Of(range).Subtract(AddressSet.Of(Cidr.FromInteger(range.First, range.IsV6)));

    public static Cidr Parse(string text) =>
        Cidr.TryParse(text, out var cidr) ? cidr : throw new ArgumentException($"not a CIDR: {text}", nameof(text));
}
