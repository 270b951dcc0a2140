using CsCheck;
using Portolan.Core.Analysis;
using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Tests.Core;

/// <summary>
/// "The set engine equals the per-port engine" for external peers. The reference asks
/// <see cref="Explainer"/> about single addresses probed at every ipBlock, node and pod-IP edge ±1 and
/// at the edges of every external peer the result names; each probe's answer must equal the line whose
/// peer holds that address, or be "denied on every sampled port" when no line holds it. Addresses that
/// every ipBlock and node peer treats alike get one Explainer answer (the only way a single external
/// address reaches a verdict is through those containments), which keeps the run short.
/// </summary>
public sealed class AnalyzerMatchesExplainerOnExternals
{
    [Fact]
    public void Every_external_address_gets_exactly_what_the_pod_side_allows_port_by_port() =>
        RandomClusters.Clusters.Sample(c => Check(c.Cluster), iter: 200, print: c => ClusterMinimizer.Report(c.Cluster, Check));

    private static void Check(Cluster cluster)
    {
        foreach (var scope in Enum.GetValues<IPBlockScope>()) Check(cluster, scope);
    }

    private static void Check(Cluster cluster, IPBlockScope scope)
    {
        var result = new ConnectivityAnalyzer(cluster, scope).Analyze();
        AnalyzerMatchesExplainerOnPods.AssertWellFormed(result, scope);
        var reference = new PerPortReference(cluster, scope);
        var externals = result.Peers.OfType<ExternalPeer>().ToList();
        var podAddresses = cluster.Pods.SelectMany(p => p.IPs).Select(Cidr.ToInteger).ToHashSet();
        var named = NamedAddressSets(cluster);
        // IPv6 is analysed only when a rule names IPv6 addresses (ExternalAtoms): then it must be complete.
        var withV6 = named.Any(set => !set.V6.IsEmpty);

        foreach (var external in externals)
        {
            Assert.True(withV6 || external.Addresses.V6.IsEmpty, $"scope {scope}: IPv6 peer {external} although no rule names IPv6 addresses");
            // With scope All a known pod IP is that pod, never an external address.
            if (scope != IPBlockScope.All) continue;
            foreach (var ip in cluster.Pods.SelectMany(p => p.IPs))
            {
                var (value, v6) = Cidr.ToInteger(ip);
                Assert.False(Holds(external.Addresses, value, v6), $"scope All: external peer {external} holds pod IP {ip}");
            }
        }

        var probes = Probes(cluster, externals, withV6)
            .Where(p => scope == IPBlockScope.External || !podAddresses.Contains(p))
            .Select(p => (Probe: p, Endpoint: new ExternalEndpoint(AddressSet.Of(Cidr.FromInteger(p.Value, p.IsV6)))))
            .ToList();
        foreach (var pod in cluster.Pods)
        {
            var endpoint = reference.Endpoint(pod);
            var name = pod.Workload.ToString();
            var egress = Lines(result, c => c.Source.Name == name ? c.Destination as ExternalPeer : null, scope);
            var ingress = Lines(result, c => c.Destination.Name == name ? c.Source as ExternalPeer : null, scope);
            var expectedEgress = new Dictionary<string, ConnectionSet>(StringComparer.Ordinal);
            var expectedIngress = new Dictionary<string, ConnectionSet>(StringComparer.Ordinal);
            foreach (var (probe, external) in probes)
            {
                var signature = string.Concat(named.Select(set => Holds(set, probe.Value, probe.IsV6) ? '1' : '0'));
                if (!expectedEgress.TryGetValue(signature, out var outbound))
                    expectedEgress[signature] = outbound = reference.AllowedSet(endpoint, external);
                if (!expectedIngress.TryGetValue(signature, out var inbound))
                    expectedIngress[signature] = inbound = reference.AllowedSet(external, endpoint);
                reference.AssertAgrees(Find(egress, probe), outbound, endpoint, external, $"scope {scope}, egress");
                reference.AssertAgrees(Find(ingress, probe), inbound, external, endpoint, $"scope {scope}, ingress");
            }
        }
    }

    // Every address set a rule can name: ipBlocks (and admin networks) and the addresses of each node selection.
    private static List<AddressSet> NamedAddressSets(Cluster cluster)
    {
        var peers = cluster.Policies.SelectMany(p => p.Ingress.Concat(p.Egress)).SelectMany(r => r.Peers).ToList();
        return [.. peers.OfType<IPBlockPeer>().Select(b => b.Addresses)
            .Concat(peers.OfType<NodePeer>().Select(n => cluster.Nodes.Where(node => n.Selector.Matches(node.Labels))
                .SelectMany(node => node.Addresses).Aggregate(AddressSet.Empty, (set, a) => set.Union(AddressSet.Of(a)))))];
    }

    private static List<(AddressSet Addresses, ConnectionSet Allowed)> Lines(
        ConnectivityResult result, Func<Connection, ExternalPeer?> other, IPBlockScope scope)
    {
        var lines = result.Connections.Select(c => (Peer: other(c), c.Allowed)).Where(x => x.Peer is not null)
            .Select(x => (x.Peer!.Addresses, x.Allowed)).ToList();
        for (int i = 0; i < lines.Count; i++)
        {
            for (int j = i + 1; j < lines.Count; j++)
                Assert.False(lines[i].Addresses.Overlaps(lines[j].Addresses), $"scope {scope}: overlapping peers {lines[i].Addresses} and {lines[j].Addresses}");
        }
        return lines;
    }

    private static ConnectionSet Find(List<(AddressSet Addresses, ConnectionSet Allowed)> lines, (UInt128 Value, bool IsV6) probe) =>
        lines.Where(l => Holds(l.Addresses, probe.Value, probe.IsV6)).Select(l => l.Allowed).FirstOrDefault(ConnectionSet.None);

    private static bool Holds(AddressSet set, UInt128 value, bool v6) => v6 ? set.V6.Contains(value) : set.V4.Contains((uint)value);

    private static HashSet<(UInt128 Value, bool IsV6)> Probes(Cluster cluster, List<ExternalPeer> externals, bool withV6)
    {
        var sets = cluster.Policies.SelectMany(p => p.Ingress.Concat(p.Egress)).SelectMany(r => r.Peers).OfType<IPBlockPeer>()
            .Select(b => b.Addresses)
            .Concat(externals.Select(e => e.Addresses))
            .Concat(cluster.Nodes.SelectMany(n => n.Addresses).Concat(cluster.Pods.SelectMany(p => p.IPs)).Select(AddressSet.Of))
            .Append(AddressSet.AllV4)
            .Append(withV6 ? AddressSet.AllV6 : AddressSet.Empty);
        var result = new HashSet<(UInt128, bool)>();
        foreach (var set in sets)
        {
            foreach (var i in set.V4.Intervals) Edges(i.Start, i.End, uint.MaxValue, false);
            if (!withV6) continue;
            foreach (var i in set.V6.Intervals) Edges(i.Start, i.End, UInt128.MaxValue, true);
        }
        return result;

        void Edges(UInt128 start, UInt128 end, UInt128 max, bool v6)
        {
            result.Add((start, v6));
            result.Add((end, v6));
            if (start > 0) result.Add((start - 1, v6));
            if (end < max) result.Add((end + 1, v6));
        }
    }
}
