using System.Net;
using CsCheck;
using Portolan.Core.Sets;

namespace Portolan.Tests.Core;

/// <summary>
/// <see cref="AddressSet"/> against a naive model: "in some included CIDR and in no excluded one",
/// probed through <see cref="IPAddress"/> at every CIDR edge ±1, for IPv4 and IPv6 together.
/// </summary>
public sealed class AddressSetLaws
{
    public sealed record Block(UInt128 Address, int Prefix, bool V6)
    {
        private int Bits => V6 ? 128 : 32;

        private UInt128 HostMask => Bits - Prefix == 128 ? UInt128.MaxValue : (UInt128.One << (Bits - Prefix)) - UInt128.One;

        public UInt128 First => Address & ~HostMask;

        public UInt128 Last => First | HostMask;

        public bool Contains(UInt128 value, bool v6) => v6 == V6 && First <= value && value <= Last;

        public Cidr Cidr => Cidr.TryParse(ToString(), out var cidr) ? cidr : throw new InvalidOperationException($"{this} does not parse");

        public override string ToString() => $"{Cidr.FromInteger(Address, V6)}/{Prefix}";
    }

    public sealed record Built(Block[] Included, Block[] Excluded)
    {
        public AddressSet Set { get; } = Included.Aggregate(AddressSet.Empty, (s, b) => s.Union(AddressSet.Of(b.Cidr)))
            .Subtract(Excluded.Aggregate(AddressSet.Empty, (s, b) => s.Union(AddressSet.Of(b.Cidr))));

        public bool Model(UInt128 value, bool v6) => Included.Any(b => b.Contains(value, v6)) && !Excluded.Any(b => b.Contains(value, v6));

        public override string ToString() => $"({string.Join(" ", Included.AsEnumerable())}) - ({string.Join(" ", Excluded.AsEnumerable())}) = {Set}";
    }

    // Addresses near a few shared bases so that blocks nest and overlap; prefixes biased to short and to host routes.
    private static readonly Gen<Block> V4Blocks = Gen.Select(
            Gen.OneOf(0x0A000000u, 0x0A000100u, 0xC0A80000u, 0u, 0xFFFFFF00u),
            Gen.UInt[0, 511],
            Gen.Frequency((1, (IGen<int>)Gen.Int[0, 8]), (3, Gen.Int[16, 32]), (1, Gen.OneOf(31, 32))))
        .Select((b, offset, prefix) => new Block(unchecked(b + offset), prefix, false));

    private static readonly Gen<Block> V6Blocks = Gen.Select(
            Gen.OneOf(UInt128.Zero, new UInt128(0xFD00_0000_0000_0000, 0), new UInt128(0x2001_0DB8_0000_0000, 0), UInt128.MaxValue - 600),
            Gen.UInt128[0, 511],
            Gen.Frequency((1, (IGen<int>)Gen.Int[0, 16]), (3, Gen.Int[100, 128]), (1, Gen.OneOf(127, 128))))
        .Select((b, offset, prefix) => new Block(b + offset, prefix, true));

    private static readonly Gen<Block> Blocks = Gen.Frequency((3, (IGen<Block>)V4Blocks), (2, V6Blocks));

    private static readonly Gen<Built> Sets = Gen.Select(Blocks.Array[0, 4], Blocks.Array[0, 2]).Select((i, e) => new Built(i, e));

    private static IEnumerable<(UInt128 Value, bool V6)> Probes(params Built[] sets)
    {
        yield return (0, false);
        yield return (uint.MaxValue, false);
        yield return (0, true);
        yield return (UInt128.MaxValue, true);
        foreach (var b in sets.SelectMany(s => s.Included.Concat(s.Excluded)))
        {
            var max = b.V6 ? UInt128.MaxValue : uint.MaxValue;
            yield return (b.First, b.V6);
            yield return (b.Last, b.V6);
            if (b.First > 0) yield return (b.First - 1, b.V6);
            if (b.Last < max) yield return (b.Last + 1, b.V6);
        }
    }

    private static void AssertPointwise(AddressSet actual, Func<UInt128, bool, bool> model, IEnumerable<(UInt128 Value, bool V6)> probes, string what)
    {
        IntervalSetLaws<uint>.AssertCanonical(actual.V4);
        IntervalSetLaws<UInt128>.AssertCanonical(actual.V6);
        foreach (var (value, v6) in probes)
        {
            var address = Cidr.FromInteger(value, v6);
            if (actual.Contains(address) != model(value, v6)) Assert.Fail($"{what}: Contains({address}) is {!model(value, v6)} in {actual}");
            // An IPv4-mapped IPv6 address is the IPv4 address (Cidr.ToInteger).
            if (!v6 && actual.Contains(address.MapToIPv6()) != model(value, v6)) Assert.Fail($"{what}: mapped {address} disagrees");
        }
    }

    [Fact]
    public void Operations_agree_with_the_model_for_both_families() =>
        Gen.Select(Sets, Sets).Sample((a, b) =>
        {
            var probes = Probes(a, b).ToList();
            AssertPointwise(a.Set, a.Model, probes, "set");
            AssertPointwise(a.Set.Union(b.Set), (x, v6) => a.Model(x, v6) || b.Model(x, v6), probes, "union");
            AssertPointwise(a.Set.Intersect(b.Set), (x, v6) => a.Model(x, v6) && b.Model(x, v6), probes, "intersection");
            AssertPointwise(a.Set.Subtract(b.Set), (x, v6) => a.Model(x, v6) && !b.Model(x, v6), probes, "difference");
            var everything = AddressSet.AllV4.Union(AddressSet.AllV6);
            AssertPointwise(everything.Subtract(a.Set), (x, v6) => !a.Model(x, v6), probes, "complement");
            Assert.Equal(a.Set.Subtract(b.Set).IsEmpty, a.Set.IsSubsetOf(b.Set));
            Assert.Equal(!a.Set.Intersect(b.Set).IsEmpty, a.Set.Overlaps(b.Set));
        }, iter: 500);

    [Fact]
    public void Algebra_laws_hold_and_equality_is_structural() =>
        Gen.Select(Sets, Sets, Sets).Sample((a, b, c) =>
        {
            var (x, y, z) = (a.Set, b.Set, c.Set);
            var everything = AddressSet.AllV4.Union(AddressSet.AllV6);
            Assert.Equal(x.Union(y), y.Union(x));
            Assert.Equal(x.Intersect(y), y.Intersect(x));
            Assert.Equal(x.Union(y).Union(z), x.Union(y.Union(z)));
            Assert.Equal(x.Intersect(y.Union(z)), x.Intersect(y).Union(x.Intersect(z)));
            Assert.Equal(everything.Subtract(x.Union(y)), everything.Subtract(x).Intersect(everything.Subtract(y)));
            Assert.Equal(x.Subtract(y), x.Intersect(everything.Subtract(y)));
            // Same members built in another order are equal, with equal hashes.
            var reversed = new Built([.. a.Included.Reverse()], [.. a.Excluded.Reverse()]).Set;
            Assert.Equal(x, reversed);
            Assert.Equal(x.GetHashCode(), reversed.GetHashCode());
        }, iter: 300);

    [Fact]
    public void Single_addresses_and_cidrs_are_what_they_say()
    {
        var block = AddressSet.Of(Parse("10.0.0.0/8"));
        Assert.True(block.Contains(IPAddress.Parse("10.255.255.255")));
        Assert.False(block.Contains(IPAddress.Parse("11.0.0.0")));
        Assert.False(block.Contains(IPAddress.Parse("::a00:1")));
        Assert.True(block.Contains(IPAddress.Parse("::ffff:10.0.0.1")));
        Assert.Equal(AddressSet.Of(Parse("10.0.0.1/32")), AddressSet.Of(IPAddress.Parse("10.0.0.1")));
        Assert.Equal(AddressSet.Of(Parse("fd00::1/128")), AddressSet.Of(IPAddress.Parse("fd00::1")));
        Assert.Equal(AddressSet.AllV4, AddressSet.Of(Parse("0.0.0.0/0")));
        Assert.Equal(AddressSet.AllV6, AddressSet.Of(Parse("::/0")));
        Assert.True(AddressSet.AllV4.Intersect(AddressSet.AllV6).IsEmpty);
    }

    [Fact]
    public void ToString_lists_ranges_IPv4_first()
    {
        var set = AddressSet.Of(Parse("fd00::/127")).Union(AddressSet.Of(Parse("10.0.0.0/8")))
            .Union(AddressSet.Of(Parse("192.168.1.7/32")));
        Assert.Equal("10.0.0.0-10.255.255.255,192.168.1.7-192.168.1.7,fd00::-fd00::1", set.ToString());
        Assert.Equal("0.0.0.0-9.255.255.255,11.0.0.0-255.255.255.255", AddressSet.AllV4.Subtract(AddressSet.Of(Parse("10.0.0.0/8"))).ToString());
        Assert.Equal("", AddressSet.Empty.ToString());
    }

    private static Cidr Parse(string text) => Cidr.TryParse(text, out var cidr) ? cidr : throw new ArgumentException(text);
}
