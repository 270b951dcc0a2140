using System.Globalization;
using CsCheck;
using Portolan.Core.Sets;

namespace Portolan.Tests.Core;

/// <summary>
/// <see cref="Cidr.TryParse"/> is "sloppy" like the API server's default (semantics §3.6, K8S-IPVALID:
/// k8s.io/utils/net ParseCIDRSloppy = Go's net.ParseCIDR after stripping leading zeros of IPv4 numbers).
/// </summary>
public sealed class CidrParsingTests
{
    private static Cidr Parsed(string text)
    {
        Assert.True(Cidr.TryParse(text, out var cidr), $"\"{text}\" should parse");
        return cidr;
    }

    private static UInt128 HostMask(int bits, int prefix) =>
        bits - prefix == 128 ? UInt128.MaxValue : (UInt128.One << (bits - prefix)) - UInt128.One;

    [Theory]
    [InlineData("10.1.2.3/8", "10.0.0.0/8")]
    [InlineData("10.0.0.0/8", "10.0.0.0/8")]
    [InlineData("192.168.7.200/24", "192.168.7.0/24")]
    [InlineData("010.0.0.1/32", "10.0.0.1/32")]
    [InlineData("010.001.000.009/32", "10.1.0.9/32")]
    [InlineData("10.0.0.0/08", "10.0.0.0/8")]
    [InlineData("1.2.3.4/0", "0.0.0.0/0")]
    [InlineData("255.255.255.255/32", "255.255.255.255/32")]
    [InlineData("2001:db8::1/32", "2001:db8::/32")]
    [InlineData("2001:DB8:0:0:0:0:0:1/64", "2001:db8::/64")]
    [InlineData("fd00::ffff/120", "fd00::ff00/120")]
    [InlineData("::/0", "::/0")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128")]
    public void Host_bits_are_masked_and_leading_zeros_read_as_decimal(string text, string canonical)
    {
        Assert.Equal(canonical, Parsed(text).ToString());
        Assert.Equal(Parsed(canonical), Parsed(text));
    }

    [Fact]
    public void Range_of_a_parsed_block()
    {
        var v4 = Parsed("10.1.2.3/8");
        Assert.Equal((UInt128)0x0A000000, v4.First);
        Assert.Equal((UInt128)0x0AFFFFFF, v4.Last);
        Assert.False(v4.IsV6);
        var v6 = Parsed("2001:db8::1/32");
        Assert.Equal(new UInt128(0x2001_0DB8_0000_0000, 0), v6.First);
        Assert.Equal(new UInt128(0x2001_0DB8_FFFF_FFFF, ulong.MaxValue), v6.Last);
        Assert.True(v6.IsV6);
    }

    [Fact]
    public void Any_IPv4_address_and_prefix_parses_to_its_masked_network_in_every_spelling() =>
        Gen.Select(Gen.UInt, Gen.Int[0, 32], Gen.Bool).Sample((address, prefix, padded) =>
        {
            var octets = BitConverter.GetBytes(address).Reverse().Select(b => b.ToString(padded ? "D3" : "D", CultureInfo.InvariantCulture));
            var cidr = Parsed($"{string.Join(".", octets)}/{prefix}");
            var first = address & ~HostMask(32, prefix);
            Assert.Equal(new Cidr(first, first | HostMask(32, prefix), prefix, false), cidr);
        }, iter: 1000);

    [Fact]
    public void Any_IPv6_address_and_prefix_parses_to_its_masked_network_compressed_or_not() =>
        Gen.Select(Gen.UInt128, Gen.Int[0, 128], Gen.Bool).Sample((address, prefix, expanded) =>
        {
            // Outside ::ffff:0:0/96, which Cidr.ToInteger reads as IPv4.
            if ((address >> 32) == 0xFFFF) return;
            var text = expanded
                ? string.Join(":", Enumerable.Range(0, 8).Select(i => ((ushort)(address >> (112 - 16 * i))).ToString("x", CultureInfo.InvariantCulture)))
                : Cidr.FromInteger(address, true).ToString();
            var cidr = Parsed($"{text}/{prefix}");
            var first = address & ~HostMask(128, prefix);
            Assert.Equal(new Cidr(first, first | HostMask(128, prefix), prefix, true), cidr);
        }, iter: 1000);

    [Fact]
    public void Prefixes_longer_than_the_address_are_rejected() =>
        Gen.Select(Gen.Int[33, 999], Gen.Int[129, 999]).Sample((v4Prefix, v6Prefix) =>
        {
            Assert.False(Cidr.TryParse($"10.0.0.0/{v4Prefix}", out _));
            Assert.False(Cidr.TryParse($"2001:db8::/{v6Prefix}", out _));
        }, iter: 200);

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("::/129")]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/8")]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.0/")]
    [InlineData("10.0.0/8")]
    [InlineData("10.0.0.0.0/8")]
    [InlineData("256.0.0.0/8")]
    [InlineData("10.0.0.-1/8")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0.0/+8")]
    [InlineData("10.0.0.0/8/8")]
    [InlineData(" 10.0.0.0/8")]
    [InlineData("10.0.0.0/8 ")]
    [InlineData("10.0.0.0 /8")]
    [InlineData("a.b.c.d/8")]
    [InlineData("0x0a.0.0.0/8")]
    [InlineData("10.0.0.0/abc")]
    [InlineData("10..0.0/8")]
    [InlineData("::1/")]
    [InlineData("::1%eth0/128")]
    [InlineData("1::2::3/64")]
    [InlineData("gggg::/16")]
    [InlineData("00001::/16")]
    [InlineData("1:2:3:4:5:6:7:8:9/64")]
    // Go's netip.ParseAddr (behind the API server's parser) rejects brackets: they belong to host:port syntax.
    [InlineData("[::1]/128")]
    [InlineData("[2001:db8::]/32")]
    public void Garbage_is_rejected(string text) => Assert.False(Cidr.TryParse(text, out var cidr), $"\"{text}\" parsed as {cidr}");

    // ParseCIDRSloppy strips any number of leading zeros (regex `0*(0|[1-9][0-9]*)`), not just up to three digits.
    [Theory]
    [InlineData("0010.0.0.1/32", "10.0.0.1/32")]
    [InlineData("10.0000.0.0/16", "10.0.0.0/16")]
    [InlineData("10.0.0.0/0008", "10.0.0.0/8")]
    public void Leading_zeros_of_any_length_are_accepted_like_the_API_server(string text, string canonical) =>
        Assert.Equal(Parsed(canonical), Parsed(text));

    // Go's ParseCIDR takes the bit length from the textual family: "::ffff:a.b.c.d/n" is an IPv6 prefix of
    // length n over 128 bits (n up to 128), never the IPv4 block a.b.c.d/n.
    [Theory]
    [InlineData("::ffff:1.2.3.4/16", 16)]
    [InlineData("::ffff:10.0.0.1/32", 32)]
    [InlineData("::ffff:10.0.0.0/104", 104)]
    [InlineData("::ffff:10.0.0.1/128", 128)]
    public void IPv4_mapped_IPv6_cidrs_are_IPv6_prefixes(string text, int prefix)
    {
        var cidr = Parsed(text);
        Assert.True(cidr.IsV6, $"\"{text}\" was read as the IPv4 block {cidr}");
        Assert.Equal(prefix, cidr.PrefixLength);
    }
}
