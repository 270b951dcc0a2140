using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis;

/// <summary>Peer and port matching shared by the set engine and the per-port explainer.</summary>
public sealed class RuleMatcher(Cluster cluster, IPBlockScope scope)
{
    public IPBlockScope Scope => scope;

    public bool PeersMatch(Rule rule, Endpoint other)
    {
        if (rule.Peers.IsEmpty) return true;
        foreach (var peer in rule.Peers)
        {
            if (PeerMatches(peer, other)) return true;
        }
        return false;
    }

    public bool PeerMatches(Peer peer, Endpoint other) => (peer, other) switch
    {
        (PodPeer p, PodEndpoint e) => p.Selection.Matches(e.Pod, e.NamespaceLabels),
        (IPBlockPeer b, ExternalEndpoint e) => e.Addresses.IsSubsetOf(b.Addresses),
        // Semantics §3.6: dataplanes match ipBlocks against pod IPs too; np-guard (External) never does.
        (IPBlockPeer b, PodEndpoint e) => scope == IPBlockScope.All && MatchesPod(b.Addresses, e.Pod),
        (NodePeer n, ExternalEndpoint e) => !e.Addresses.IsEmpty && e.Addresses.IsSubsetOf(NodeAddresses(n)),
        _ => false,
    };

    /// <summary>
    /// A block matches a pod whose IP is in it. A pod whose IP is unknown (a workload's template) is taken to
    /// have an IPv4 address, the single-stack default: only a block covering all of IPv4 surely holds it.
    /// </summary>
    public static bool MatchesPod(AddressSet block, Pod pod) =>
        pod.IPs.IsEmpty ? block.V4.Equals(AddressSet.AllV4.V4) : pod.IPs.Any(block.Contains);

    public static bool SubjectSelects(Policy policy, PodEndpoint pod) => policy.Subject.Matches(pod.Pod, pod.NamespaceLabels);

    public AddressSet NodeAddresses(NodePeer peer)
    {
        var result = AddressSet.Empty;
        foreach (var node in cluster.Nodes)
        {
            if (!peer.Selector.Matches(node.Labels)) continue;
            foreach (var address in node.Addresses) result = result.Union(AddressSet.Of(address));
        }
        return result;
    }

    /// <summary>Does the rule's port list cover this one (protocol, port) toward the destination? No sets are built.</summary>
    public static bool PortsCover(Rule rule, Pod? destination, Protocol protocol, int port)
    {
        if (rule.Ports.IsEmpty) return true;
        foreach (var entry in rule.Ports)
        {
            switch (entry)
            {
                case PortRangeMatch r when r.Protocol == protocol && port >= r.From && port <= r.To:
                    return true;
                case NamedPortMatch n when destination?.FindPort(n.Name) is { } resolved
                    && (n.Protocol is null || n.Protocol == resolved.Protocol)
                    && resolved.Protocol == protocol && resolved.Number == port:
                    return true;
            }
        }
        return false;
    }

    /// <summary>The (protocol, port) pairs a rule's ports cover toward a destination (null: not a pod).</summary>
    public static ConnectionSet Connections(Rule rule, Pod? destination)
    {
        if (rule.Ports.IsEmpty) return ConnectionSet.All;
        var result = ConnectionSet.None;
        foreach (var port in rule.Ports) result = result.Union(Connections(port, destination));
        return result;
    }

    // Semantics §3.7 / §4.4: a name resolves on the destination pod's container ports, and with a rule
    // protocol only when the container port has that protocol; an external destination has no names.
    public static ConnectionSet Connections(PortMatch port, Pod? destination)
    {
        switch (port)
        {
            case PortRangeMatch r:
                return ConnectionSet.Of(r.Protocol, r.From, r.To);
            case NamedPortMatch n:
                var resolved = destination?.FindPort(n.Name);
                if (resolved is null) return ConnectionSet.None;
                if (n.Protocol is { } wanted && wanted != resolved.Protocol) return ConnectionSet.None;
                return ConnectionSet.Of(resolved.Protocol, resolved.Number, resolved.Number);
            default:
                return ConnectionSet.None;
        }
    }
}
