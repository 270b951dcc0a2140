using System.Collections.Immutable;
using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Nftables.Lab;

/// <summary>
/// Which probes to run: every ordered pair of hosts of one address family (pod to pod, pod to external,
/// external to pod) on every port the destination pod declares, plus a sample of ports it does not:
/// the edges of the numeric ports policies name and one port no policy names. Every probed port gets a
/// listener, so a refusal can only come from the ruleset.
/// </summary>
public sealed record ProbePlan(
    ImmutableArray<Probe> Probes,
    ImmutableDictionary<LabHost, ImmutableArray<(Protocol Protocol, int Port)>> Listeners,
    int SkippedCrossFamily,
    int SkippedSctp)
{
    /// <summary>A port no generated or example policy names; probed on every destination as the "anything else" case.</summary>
    public const int UnnamedPort = 65432;

    public static ProbePlan Build(Cluster cluster, IReadOnlyList<LabHost> hosts, int samplePerProtocol, bool sctp)
    {
        var sample = Sample(cluster, samplePerProtocol);
        var probes = ImmutableArray.CreateBuilder<Probe>();
        var listeners = new Dictionary<LabHost, SortedSet<(Protocol, int)>>();
        int crossFamily = 0, skippedSctp = 0;
        foreach (var destination in hosts)
        {
            var ports = new SortedSet<(Protocol, int)>(sample);
            if (destination.Pod is { } pod)
            {
                foreach (var declared in pod.Ports) ports.Add((declared.Protocol, declared.Number));
            }
            foreach (var source in hosts)
            {
                if (ReferenceEquals(source, destination) || (source.IsExternal && destination.IsExternal)) continue;
                if (source.Address.AddressFamily != destination.Address.AddressFamily)
                {
                    crossFamily += ports.Count;
                    continue;
                }
                foreach (var (protocol, port) in ports)
                {
                    if (protocol == Protocol.SCTP && !sctp)
                    {
                        skippedSctp++;
                        continue;
                    }
                    probes.Add(new Probe(source, destination, protocol, port));
                    if (!listeners.TryGetValue(destination, out var set)) listeners[destination] = set = [];
                    set.Add((protocol, port));
                }
            }
        }
        return new ProbePlan(probes.ToImmutable(),
            listeners.ToImmutableDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray()), crossFamily, skippedSctp);
    }

    /// <summary>Per protocol: the first and last port of each numeric rule port and their outside neighbours, evenly thinned to the limit, plus <see cref="UnnamedPort"/>.</summary>
    public static ImmutableArray<(Protocol Protocol, int Port)> Sample(Cluster cluster, int perProtocol)
    {
        var result = ImmutableArray.CreateBuilder<(Protocol, int)>();
        foreach (var protocol in Enum.GetValues<Protocol>())
        {
            var edges = new SortedSet<int>();
            foreach (var range in cluster.Policies.SelectMany(p => p.Ingress.Concat(p.Egress)).SelectMany(r => r.Ports)
                .OfType<PortRangeMatch>().Where(r => r.Protocol == protocol))
            {
                foreach (var port in new[] { range.From - 1, range.From, range.To, range.To + 1 })
                {
                    if (port is >= PortSet.MinPort and <= PortSet.MaxPort && port != UnnamedPort) edges.Add(port);
                }
            }
            var list = edges.ToList();
            var keep = Math.Max(0, perProtocol - 1);
            var chosen = list.Count <= keep ? list
                : Enumerable.Range(0, keep).Select(i => list[(int)((long)i * (list.Count - 1) / Math.Max(1, keep - 1))]).Distinct().ToList();
            result.AddRange(chosen.Select(p => (protocol, p)));
            var mentioned = edges.Count > 0 || cluster.Pods.Any(p => p.Ports.Any(x => x.Protocol == protocol));
            // SCTP only where the cluster uses it: most kernels and clusters have none.
            if (perProtocol > 0 && (protocol != Protocol.SCTP || mentioned)) result.Add((protocol, UnnamedPort));
        }
        return result.ToImmutable();
    }
}
