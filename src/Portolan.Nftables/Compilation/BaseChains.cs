using System.Collections.Immutable;
using Portolan.Core.Model;
using Portolan.Nftables.Ruleset;

namespace Portolan.Nftables.Compilation;

/// <summary>
/// The two forward-hook chains (enforcement.md §7): egress at priority filter - 1, ingress at filter. An
/// accept ends only its own base chain, so a packet the source's egress accepts still meets the
/// destination's ingress. Each: replies first, then admin tier, NetworkPolicy dispatch, baseline tier, and
/// the chain policy accept (no policy: allowed, semantics §1.4).
/// </summary>
public static class BaseChains
{
    // Neighbour discovery (RFC 4861) must pass whatever the policy, or IPv6 stops working (kube-network-policies #191).
    private static readonly ImmutableArray<string> NeighbourDiscovery =
        ["nd-router-solicit", "nd-router-advert", "nd-neighbor-solicit", "nd-neighbor-advert", "nd-redirect"];

    public static string Name(Direction direction) => $"pod_{RuleExpander.Word(direction)}";

    public static NftChain Build(Direction direction, bool hasAdmin, IEnumerable<NftMap> dispatch, bool hasBaseline)
    {
        var word = RuleExpander.Word(direction);
        var rules = ImmutableArray.CreateBuilder<NftRule>();
        rules.Add(new NftRule([new CtStateMatch(["established", "related"])], NftVerdict.Accept, "replies and related traffic of allowed connections"));
        rules.Add(new NftRule([new CtStateMatch(["invalid"])], NftVerdict.Drop, "invalid packets"));
        rules.Add(new NftRule([new ValueMatch(new NftField("icmpv6", "type"), NeighbourDiscovery)], NftVerdict.Accept, "IPv6 neighbour discovery"));
        if (hasAdmin) rules.Add(new NftRule([], NftVerdict.Jump($"admin_{word}"), $"admin tier {word}"));
        foreach (var map in dispatch)
        {
            var key = direction == Direction.Egress ? NftField.Source(map.Family) : NftField.Destination(map.Family);
            rules.Add(new NftRule([new VerdictMapLookup(key, map.Name)], null, $"NetworkPolicy {word}: isolated pods ({(map.Family == IPFamily.V4 ? "IPv4" : "IPv6")})"));
        }
        if (hasBaseline) rules.Add(new NftRule([], NftVerdict.Jump($"baseline_{word}"), $"baseline tier {word}"));
        return new NftChain(Name(direction), direction == Direction.Egress ? -1 : 0, rules.ToImmutable());
    }
}
