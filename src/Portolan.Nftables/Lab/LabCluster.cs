using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Nftables.Lab;

/// <summary>
/// The cluster as the lab builds it: each workload template becomes up to N pods (name-0, name-1, ...),
/// and every pod has exactly one address. Lab pods are single-stack because the analysis lets a pod match
/// an ipBlock by any of its IPs while the kernel sees the one address a packet carries.
/// A pod keeps its first usable manifest IP (or the address an earlier phase gave it); others get one
/// from the lab ranges, of the family of their manifest IP, else of the first range.
/// </summary>
public static class LabCluster
{
    public static (Cluster Cluster, ImmutableArray<string> Notes) Build(
        Cluster cluster, int replicas, IReadOnlyList<Cidr> ranges, AddressPool pool, IReadOnlyDictionary<string, IPAddress> earlier)
    {
        var notes = ImmutableArray.CreateBuilder<string>();
        var expanded = new List<Pod>();
        foreach (var pod in cluster.Pods)
        {
            if (!IsTemplate(pod))
            {
                expanded.Add(pod);
                continue;
            }
            for (int i = 0; i < replicas; i++) expanded.Add(pod with { Name = $"{pod.Name}-{i}" });
        }

        var addressed = new Pod[expanded.Count];
        var pending = new List<int>();
        // Earlier and manifest addresses first, so a range address never steals a pod's own IP.
        for (int i = 0; i < expanded.Count; i++)
        {
            var pod = expanded[i];
            if (earlier.TryGetValue(Key(pod), out var kept))
            {
                addressed[i] = pod with { IPs = [kept] };
                continue;
            }
            var own = pod.IPs.FirstOrDefault(AddressPool.IsUsable);
            if (own is not null && pool.Take(own))
            {
                if (pod.IPs.Length > 1) notes.Add($"{Key(pod)} keeps only {own} in the lab (lab pods are single-stack)");
                addressed[i] = pod with { IPs = [own] };
                continue;
            }
            if (!pod.IPs.IsEmpty) notes.Add($"{Key(pod)}: its IP {pod.IPs[0]} is {(own is null ? "not usable in the lab" : "another pod's")}; it gets a lab address");
            pending.Add(i);
        }
        foreach (var i in pending)
        {
            var pod = expanded[i];
            var family = pod.IPs.IsEmpty ? (ranges[0].IsV6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork) : pod.IPs[0].AddressFamily;
            var within = ranges.Where(r => r.IsV6 == (family == AddressFamily.InterNetworkV6))
                .Select(AddressPool.HostsOf).Aggregate(AddressSet.Empty, (a, b) => a.Union(b));
            var address = pool.Next(within)
                ?? throw new LabException($"the lab ranges ({string.Join(", ", ranges)}) have no free {(family == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4")} address left for {Key(pod)}");
            addressed[i] = pod with { IPs = [address] };
        }
        return (cluster with { Pods = [.. addressed] }, notes.ToImmutable());
    }

    /// <summary>"namespace/pod", the key of <c>PodAddresses</c>.</summary>
    public static string Key(Pod pod) => $"{pod.Namespace}/{pod.Name}";

    // A workload's template: the loader names it after the workload and knows no IP (PodParser).
    private static bool IsTemplate(Pod pod) =>
        !string.Equals(pod.Workload.Kind, "Pod", StringComparison.Ordinal)
        && string.Equals(pod.Name, pod.Workload.Name, StringComparison.Ordinal) && pod.IPs.IsEmpty;
}
