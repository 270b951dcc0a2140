using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis.Lint;

/// <summary>How broad a rule's peers and ports are, read from their structure (no cluster needed).</summary>
public static class PeerShapes
{
    /// <summary>namespaceSelector: {} (with any podSelector), or an admin namespaces: {} / pods peer over every namespace.</summary>
    public static bool IsEveryNamespace(Peer peer) =>
        peer is PodPeer { Selection: { Namespace: null } selection } && selection.Namespaces.MatchesEverything;

    /// <summary>Every pod of every namespace: namespaceSelector: {} and podSelector: {} (or absent).</summary>
    public static bool IsEveryPod(Peer peer) =>
        IsEveryNamespace(peer) && ((PodPeer)peer).Selection.Pods.MatchesEverything;

    /// <summary>A block covering a whole address family: 0.0.0.0/0 or ::/0 with no except.</summary>
    public static bool IsWholeFamily(Peer peer) =>
        peer is IPBlockPeer block && (block.Addresses.V4.Equals(AddressSet.AllV4.V4) || block.Addresses.V6.Equals(AddressSet.AllV6.V6));

    /// <summary>The rule's address blocks cover every IPv4 and IPv6 address.</summary>
    public static bool CoversEveryAddress(Rule rule)
    {
        var all = AddressSet.AllV4.Union(AddressSet.AllV6);
        var covered = rule.Peers.OfType<IPBlockPeer>().Aggregate(AddressSet.Empty, (a, b) => a.Union(b.Addresses));
        return all.IsSubsetOf(covered);
    }

    /// <summary>
    /// Peers that match everything the rule could match: no peers (NetworkPolicy, semantics §3.4); for admin
    /// ingress every pod, since those peers never match external sources (§4.3); otherwise every address, which
    /// (as dataplanes match pod IPs, scope all) or together with every pod covers the pods as well.
    /// </summary>
    public static bool Unrestricted(Policy policy, Direction direction, Rule rule, IPBlockScope scope)
    {
        if (rule.Peers.IsEmpty) return true;
        var everyPod = rule.Peers.Any(IsEveryPod);
        if (policy.Tier != Tier.NetworkPolicy && direction == Direction.Ingress) return everyPod;
        return CoversEveryAddress(rule) && (everyPod || scope == IPBlockScope.All);
    }

    /// <summary>No ports, or numeric ports covering every protocol and port.</summary>
    public static bool EveryPort(Rule rule) =>
        rule.Ports.IsEmpty || RuleMatcher.Connections(rule, null).IsAll;
}
