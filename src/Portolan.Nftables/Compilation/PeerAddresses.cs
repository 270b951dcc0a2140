using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Nftables.Compilation;

/// <summary>
/// The addresses a selection, peer or rule stands for. An ipBlock holds pod addresses too (the kernel sees
/// only addresses: semantics §3.6, --ipblock-scope all); a nodes peer holds node addresses that are no pod's.
/// </summary>
public sealed class PeerAddresses(Cluster cluster, IReadOnlyList<AddressedPod> pods)
{
    private readonly AddressSet _podAddresses = AddressSet.FromAddresses(pods.SelectMany(p => p.V4.Concat(p.V6)));

    public IReadOnlyList<AddressedPod> Pods => pods;

    public IEnumerable<AddressedPod> Selected(PodSelection selection) =>
        pods.Where(p => selection.Matches(p.Pod, p.NamespaceLabels));

    public static AddressSet Of(IEnumerable<AddressedPod> selected) =>
        AddressSet.FromAddresses(selected.SelectMany(p => p.V4.Concat(p.V6)));

    /// <summary>The union over a rule's peers; null when the rule has no peers (every address).</summary>
    public AddressSet? Of(Rule rule)
    {
        if (rule.Peers.IsEmpty) return null;
        var result = AddressSet.Empty;
        foreach (var peer in rule.Peers) result = result.Union(Of(peer));
        return result;
    }

    /// <summary>Whether the rule's peers are pods only, whose addresses are single ones (no blocks).</summary>
    public static bool PodsOnly(Rule rule) => rule.Peers.All(p => p is PodPeer);

    public AddressSet Of(Peer peer) => peer switch
    {
        PodPeer p => Of(Selected(p.Selection)),
        IPBlockPeer b => b.Addresses,
        NodePeer n => AddressSet.FromAddresses(cluster.Nodes.Where(node => n.Selector.Matches(node.Labels)).SelectMany(node => node.Addresses))
            .Subtract(_podAddresses),
        _ => AddressSet.Empty,
    };
}
