using System.Collections.Immutable;
using System.Net;
using Portolan.Core.Sets;
using Portolan.Nftables.Ruleset;

namespace Portolan.Nftables.Compilation;

/// <summary>
/// Every named set of the ruleset, each declared once however many rules use it: a set is named after a hash
/// of its type and members, so equal selections, blocks and port lists share one set (enforcement.md §7).
/// </summary>
public sealed class SetRegistry
{
    private readonly Dictionary<string, NftSet> _sets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public ImmutableArray<NftSet> Sets => [.. _sets.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>
    /// The addresses of one family, null when there are none. Pod addresses only (<paramref name="podsOnly"/>) make a
    /// plain set of single addresses, cheap to update; blocks make an interval set (enforcement.md §6, pitfalls).
    /// </summary>
    public string? Addresses(IPFamily family, AddressSet addresses, bool podsOnly)
    {
        var intervals = family == IPFamily.V4
            ? addresses.V4.Intervals.Select(i => ((UInt128)i.Start, (UInt128)i.End))
            : addresses.V6.Intervals.Select(i => (i.Start, i.End));
        // Pod addresses are finitely many, so a range of them (adjacent pods) is spelt out address by address.
        if (podsOnly) intervals = intervals.SelectMany(i => Points(i.Item1, i.Item2));
        var elements = Elements(intervals, family == IPFamily.V6, family == IPFamily.V4 ? 32 : 128);
        if (elements.IsEmpty) return null;
        var interval = elements.Any(e => e.Parts[0] is not NftValue.Text);
        var prefix = (interval ? "net" : "pods") + (family == IPFamily.V4 ? "4" : "6");
        return Register(prefix, [family.AddressType()], interval, elements);
    }

    /// <summary>(protocol, port) pairs as <c>inet_proto . inet_service</c> intervals. Null when empty.</summary>
    public string? Ports(ConnectionSet connections)
    {
        var elements = ImmutableArray.CreateBuilder<NftElement>();
        foreach (var protocol in Protocols.All)
        {
            foreach (var range in connections[protocol].Intervals)
            {
                NftValue port = range.Start == range.End
                    ? new NftValue.Number(range.Start)
                    : new NftValue.Range(new NftValue.Number(range.Start), new NftValue.Number(range.End));
                elements.Add(new NftElement([new NftValue.Text(ProtocolName(protocol)), port]));
            }
        }
        return elements.Count == 0 ? null : Register("ports", ["inet_proto", "inet_service"], true, elements.ToImmutable());
    }

    /// <summary>Named ports resolved per pod: <c>address . protocol . port</c> tuples. Null when empty.</summary>
    public string? Endpoints(IPFamily family, IEnumerable<(IPAddress Address, Protocol Protocol, int Port)> tuples)
    {
        var elements = tuples.Distinct()
            .OrderBy(t => Cidr.ToInteger(t.Address).Value).ThenBy(t => t.Protocol).ThenBy(t => t.Port)
            .Select(t => new NftElement([new NftValue.Text(t.Address.ToString()), new NftValue.Text(ProtocolName(t.Protocol)), new NftValue.Number(t.Port)]))
            .ToImmutableArray();
        return elements.IsEmpty ? null : Register("nport" + (family == IPFamily.V4 ? "4" : "6"), [family.AddressType(), "inet_proto", "inet_service"], false, elements);
    }

    public static string ProtocolName(Protocol protocol) => protocol.ToString().ToLowerInvariant();

    private string Register(string prefix, ImmutableArray<string> type, bool interval, ImmutableArray<NftElement> elements)
    {
        var content = $"{string.Join(" . ", type)}|{interval}|{string.Join(",", elements)}";
        if (_names.TryGetValue(content, out var known)) return known;
        var name = $"{prefix}_{Naming.Hash(content, 10)}";
        // Ten hex digits make a clash unlikely; if one happens, the longer hash keeps the sets apart.
        if (_sets.ContainsKey(name)) name = $"{prefix}_{Naming.Hash(content, 32)}";
        if (_sets.ContainsKey(name)) throw new InvalidOperationException($"set name clash for {name}");
        _sets[name] = new NftSet(name, type, interval, elements);
        _names[content] = name;
        return name;
    }

    // Canonical intervals become single addresses, prefixes where a range is exactly one, ranges otherwise.
    private static ImmutableArray<NftElement> Elements(IEnumerable<(UInt128 Start, UInt128 End)> intervals, bool v6, int bits)
    {
        var result = ImmutableArray.CreateBuilder<NftElement>();
        foreach (var (start, end) in intervals)
        {
            NftValue value;
            if (start == end) value = new NftValue.Text(Address(start, v6));
            else if (PrefixLength(start, end, bits) is { } length) value = new NftValue.Prefix(Address(start, v6), length);
            else value = new NftValue.Range(new NftValue.Text(Address(start, v6)), new NftValue.Text(Address(end, v6)));
            result.Add(new NftElement([value]));
        }
        return result.ToImmutable();
    }

    private static IEnumerable<(UInt128, UInt128)> Points(UInt128 start, UInt128 end)
    {
        for (var value = start; ; value++)
        {
            yield return (value, value);
            if (value == end) yield break;
        }
    }

    private static string Address(UInt128 value, bool v6) => Cidr.FromInteger(value, v6).ToString();

    private static int? PrefixLength(UInt128 start, UInt128 end, int bits)
    {
        var size = end - start;
        if (size == UInt128.MaxValue) return start == 0 ? 0 : null;
        size += 1;
        if (!UInt128.IsPow2(size) || (start & (size - 1)) != 0) return null;
        var hostBits = (int)UInt128.Log2(size);
        return bits - hostBits;
    }
}
