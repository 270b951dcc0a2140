using System.Collections.Immutable;
using System.Net;
using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis;

/// <summary>
/// Cuts the external address space into atoms that every ipBlock either contains whole or misses
/// (conformance README, "External peers"): source atoms at ingress ipBlock boundaries, destination
/// atoms at egress ipBlock / networks / node boundaries. IPv6 is cut only when a policy names an IPv6 CIDR.
/// With scope All, known pod IPs are removed from every atom: they are pods, not external.
/// </summary>
public static class ExternalAtoms
{
    /// <param name="extraCuts">More boundaries for both directions: <c>diff</c> passes the other side's
    /// ipBlocks so that both sides are cut on the union of their boundaries.</param>
    public static (ImmutableArray<ExternalEndpoint> Sources, ImmutableArray<ExternalEndpoint> Destinations) Build(
        Cluster cluster, RuleMatcher matcher, IReadOnlyCollection<AddressSet>? extraCuts = null)
    {
        var ingressCuts = new List<AddressSet>(extraCuts ?? []);
        var egressCuts = new List<AddressSet>(extraCuts ?? []);
        var anyV6 = ingressCuts.Any(c => !c.V6.IsEmpty);
        foreach (var policy in cluster.Policies)
        {
            foreach (var (rules, cuts) in new[] { (policy.Ingress, ingressCuts), (policy.Egress, egressCuts) })
            {
                foreach (var peer in rules.SelectMany(r => r.Peers))
                {
                    var addresses = AddressesOf(peer, matcher);
                    if (addresses is null) continue;
                    cuts.Add(addresses);
                    anyV6 |= !addresses.V6.IsEmpty;
                }
            }
        }
        var podAddresses = matcher.Scope == IPBlockScope.All ? AddressSet.FromAddresses(cluster.Pods.SelectMany(p => p.IPs)) : AddressSet.Empty;
        return (Atoms(ingressCuts, anyV6, podAddresses), Atoms(egressCuts, anyV6, podAddresses));
    }

    /// <summary>The addresses a peer names (ipBlock or networks, or the nodes it selects); null for pod peers.</summary>
    public static AddressSet? AddressesOf(Peer peer, RuleMatcher matcher) => peer switch
    {
        IPBlockPeer b => b.Addresses,
        NodePeer n => matcher.NodeAddresses(n),
        _ => null,
    };

    private static ImmutableArray<ExternalEndpoint> Atoms(List<AddressSet> cuts, bool includeV6, AddressSet podAddresses)
    {
        var result = ImmutableArray.CreateBuilder<ExternalEndpoint>();
        foreach (var v4 in Partition(cuts.Select(c => c.V4)))
        {
            Add(new AddressSet(v4, IntervalSet<UInt128>.Empty));
        }
        if (includeV6)
        {
            foreach (var v6 in Partition(cuts.Select(c => c.V6)))
            {
                Add(new AddressSet(IntervalSet<uint>.Empty, v6));
            }
        }
        return result.ToImmutable();

        void Add(AddressSet atom)
        {
            var remaining = atom.Subtract(podAddresses);
            if (!remaining.IsEmpty) result.Add(new ExternalEndpoint(remaining));
        }
    }

    private static IEnumerable<IntervalSet<T>> Partition<T>(IEnumerable<IntervalSet<T>> cuts)
        where T : System.Numerics.IBinaryInteger<T>, System.Numerics.IMinMaxValue<T>
    {
        // A boundary b means "a new atom starts at b".
        var starts = new SortedSet<T> { T.MinValue };
        foreach (var interval in cuts.SelectMany(c => c.Intervals))
        {
            starts.Add(interval.Start);
            if (interval.End != T.MaxValue) starts.Add(interval.End + T.One);
        }
        var list = starts.ToList();
        for (int i = 0; i < list.Count; i++)
        {
            var end = i + 1 < list.Count ? list[i + 1] - T.One : T.MaxValue;
            yield return IntervalSet<T>.Of(list[i], end);
        }
    }

    /// <summary>An external endpoint for one address (eval with an IP).</summary>
    public static ExternalEndpoint ForAddress(IPAddress address) => new(AddressSet.Of(address));
}
