using System.Net;

namespace Portolan.Core.Sets;

/// <summary>A set of IP addresses: IPv4 as intervals over uint, IPv6 as intervals over UInt128.</summary>
public sealed record AddressSet(IntervalSet<uint> V4, IntervalSet<UInt128> V6)
{
    public static AddressSet Empty { get; } = new(IntervalSet<uint>.Empty, IntervalSet<UInt128>.Empty);

    public static AddressSet AllV4 { get; } = new(IntervalSet<uint>.Of(uint.MinValue, uint.MaxValue), IntervalSet<UInt128>.Empty);

    public static AddressSet AllV6 { get; } = new(IntervalSet<uint>.Empty, IntervalSet<UInt128>.Of(UInt128.MinValue, UInt128.MaxValue));

    public bool IsEmpty => V4.IsEmpty && V6.IsEmpty;

    public static AddressSet Of(Cidr cidr) => cidr.IsV6
        ? new(IntervalSet<uint>.Empty, IntervalSet<UInt128>.Of(cidr.First, cidr.Last))
        : new(IntervalSet<uint>.Of((uint)cidr.First, (uint)cidr.Last), IntervalSet<UInt128>.Empty);

    public static AddressSet Of(IPAddress address)
    {
        var (value, v6) = Cidr.ToInteger(address);
        return v6
            ? new(IntervalSet<uint>.Empty, IntervalSet<UInt128>.Single(value))
            : new(IntervalSet<uint>.Single((uint)value), IntervalSet<UInt128>.Empty);
    }

    /// <summary>All the given addresses, built in one pass (not by repeated union).</summary>
    public static AddressSet FromAddresses(IEnumerable<IPAddress> addresses)
    {
        var v4 = new List<Interval<uint>>();
        var v6 = new List<Interval<UInt128>>();
        foreach (var address in addresses)
        {
            var (value, isV6) = Cidr.ToInteger(address);
            if (isV6) v6.Add(new Interval<UInt128>(value, value));
            else v4.Add(new Interval<uint>((uint)value, (uint)value));
        }
        return new(IntervalSet<uint>.FromIntervals(v4), IntervalSet<UInt128>.FromIntervals(v6));
    }

    public bool Contains(IPAddress address)
    {
        var (value, v6) = Cidr.ToInteger(address);
        return v6 ? V6.Contains(value) : V4.Contains((uint)value);
    }

    public AddressSet Union(AddressSet other) => new(V4.Union(other.V4), V6.Union(other.V6));

    public AddressSet Intersect(AddressSet other) => new(V4.Intersect(other.V4), V6.Intersect(other.V6));

    public AddressSet Subtract(AddressSet other) => new(V4.Subtract(other.V4), V6.Subtract(other.V6));

    public bool IsSubsetOf(AddressSet other) => Subtract(other).IsEmpty;

    public bool Overlaps(AddressSet other) => !Intersect(other).IsEmpty;

    /// <summary>Ranges as "first-last", IPv4 before IPv6, joined by ",".</summary>
    public override string ToString() => string.Join(",",
        V4.Intervals.Select(i => $"{Cidr.FromInteger(i.Start, false)}-{Cidr.FromInteger(i.End, false)}")
        .Concat(V6.Intervals.Select(i => $"{Cidr.FromInteger(i.Start, true)}-{Cidr.FromInteger(i.End, true)}")));
}
