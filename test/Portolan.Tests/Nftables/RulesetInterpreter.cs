using System.Net;
using Portolan.Core.Sets;
using Portolan.Nftables.Ruleset;

namespace Portolan.Tests.Nftables;

/// <summary>
/// A reference reading of a compiled table for the first packet of a connection (ct state new), following
/// nft(8) "OVERALL EVALUATION OF THE RULESET": base chains in priority order; accept ends only the current
/// base chain, drop and reject end everything; jump returns, goto does not, return goes back to the caller;
/// falling off a base chain applies its policy (accept). Only what the compiler emits is understood.
/// </summary>
public sealed class RulesetInterpreter(NftTable table)
{
    public sealed record Packet(IPAddress Source, IPAddress Destination, Protocol Protocol, int Port);

    private enum Outcome
    {
        Continue,
        Accept,
        Drop,
    }

    private readonly Dictionary<string, NftChain> _chains = table.Chains.ToDictionary(c => c.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, NftSet> _sets = table.Sets.ToDictionary(s => s.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, NftMap> _maps = table.Maps.ToDictionary(m => m.Name, StringComparer.Ordinal);

    public bool Allows(Packet packet)
    {
        foreach (var chain in table.Chains.Where(c => c.IsBase).OrderBy(c => c.ForwardPriority))
        {
            if (Run(chain, packet, 0) == Outcome.Drop) return false;
        }
        return true;
    }

    private Outcome Run(NftChain chain, Packet packet, int depth)
    {
        Assert.True(depth < 16, $"chain {chain.Name}: jumps nest too deep");
        foreach (var rule in chain.Rules)
        {
            NftVerdict? verdict = rule.Verdict;
            var matched = true;
            foreach (var match in rule.Matches)
            {
                if (match is VerdictMapLookup lookup)
                {
                    var key = Read(lookup.Key, packet);
                    var entry = key is null ? default : _maps[lookup.Map].Elements.FirstOrDefault(e => Covers(e.Key, key));
                    if (entry.Verdict is null) { matched = false; break; }
                    verdict = entry.Verdict;
                }
                else if (!Matches(match, packet))
                {
                    matched = false;
                    break;
                }
            }
            if (!matched) continue;
            switch (verdict)
            {
                case NftVerdict.Simple { Keyword: "accept" }: return Outcome.Accept;
                case NftVerdict.Simple { Keyword: "drop" }: return Outcome.Drop;
                case NftVerdict.Reject: return Outcome.Drop;
                case NftVerdict.Simple { Keyword: "return" }: return Outcome.Continue;
                case NftVerdict.ToChain { Keyword: "goto" } to: return Run(_chains[to.Chain], packet, depth + 1);
                case NftVerdict.ToChain { Keyword: "jump" } to:
                    var outcome = Run(_chains[to.Chain], packet, depth + 1);
                    if (outcome != Outcome.Continue) return outcome;
                    break;
                default: throw new InvalidOperationException($"chain {chain.Name}: unknown verdict {verdict}");
            }
        }
        return Outcome.Continue;
    }

    private bool Matches(NftMatch match, Packet packet) => match switch
    {
        CtStateMatch ct => ct.States.Contains("new"),
        ValueMatch { Field.Protocol: "icmpv6" } => false,
        ValueMatch v when v.Field == NftField.L4Proto => v.Values.Contains(Name(packet.Protocol)),
        SetLookup s => Lookup(s, packet),
        _ => throw new InvalidOperationException($"unknown match {match}"),
    };

    private bool Lookup(SetLookup lookup, Packet packet)
    {
        var keys = lookup.Keys.Select(k => Read(k, packet)).ToList();
        if (keys.Any(k => k is null)) return false;
        var set = _sets[lookup.Set];
        Assert.Equal(set.Type.Length, keys.Count);
        return set.Elements.Any(e => e.Parts.Zip(keys).All(p => Covers(p.First, p.Second!)));
    }

    // A payload of the other family (ip saddr of an IPv6 packet) does not match, as in an inet table.
    private static object? Read(NftField field, Packet packet) => (field.Protocol, field.Name) switch
    {
        ("ip", "saddr") => packet.Source.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? packet.Source : null,
        ("ip", "daddr") => packet.Destination.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? packet.Destination : null,
        ("ip6", "saddr") => packet.Source.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? packet.Source : null,
        ("ip6", "daddr") => packet.Destination.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? packet.Destination : null,
        ("meta", "l4proto") => Name(packet.Protocol),
        ("th", "dport") => packet.Port,
        _ => throw new InvalidOperationException($"unknown field {field}"),
    };

    private static bool Covers(NftValue value, object key) => (value, key) switch
    {
        (NftValue.Text t, IPAddress a) => IPAddress.Parse(t.Value).Equals(a),
        (NftValue.Text t, string s) => t.Value == s,
        (NftValue.Number n, int p) => n.Value == p,
        (NftValue.Range r, int p) => ((NftValue.Number)r.From).Value <= p && p <= ((NftValue.Number)r.To).Value,
        (NftValue.Range r, IPAddress a) => Integer(((NftValue.Text)r.From).Value) <= Cidr.ToInteger(a).Value
            && Cidr.ToInteger(a).Value <= Integer(((NftValue.Text)r.To).Value),
        (NftValue.Prefix p, IPAddress a) => Cidr.TryParse($"{p.Address}/{p.Length}", out var cidr)
            && cidr.IsV6 == (a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
            && cidr.First <= Cidr.ToInteger(a).Value && Cidr.ToInteger(a).Value <= cidr.Last,
        _ => false,
    };

    private static UInt128 Integer(string address) => Cidr.ToInteger(IPAddress.Parse(address)).Value;

    private static string Name(Protocol protocol) => protocol.ToString().ToLowerInvariant();
}
