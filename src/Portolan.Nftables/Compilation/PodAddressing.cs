using System.Net;
using Portolan.Core.Model;

namespace Portolan.Nftables.Compilation;

/// <summary>
/// Gives every pod its addresses: those of the --pod-ips file replace status.podIPs. A key naming no pod,
/// or one address held by two pods, is an error; pods left without an address are noted, not enforced.
/// </summary>
public static class PodAddressing
{
    public sealed record Result(IReadOnlyList<AddressedPod> Pods, IReadOnlyList<string> Unaddressed);

    public static Result Resolve(Cluster cluster, PodAddresses given)
    {
        var byKey = cluster.Pods.GroupBy(p => $"{p.Namespace}/{p.Name}", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var key in given.ByPod.Keys.Order(StringComparer.Ordinal))
        {
            if (!byKey.TryGetValue(key, out var pods))
                throw new NftablesInputException($"{given.OriginOf(key)}: {key} is not a pod or workload of the input");
            if (pods.Count > 1)
                throw new NftablesInputException($"{given.OriginOf(key)}: {key} names {string.Join(" and ", pods.Select(p => p.Workload))}; give addresses to one of them only by renaming");
        }
        var result = new List<AddressedPod>();
        var unaddressed = new List<string>();
        var owners = new Dictionary<IPAddress, Pod>();
        foreach (var pod in cluster.Pods)
        {
            var key = $"{pod.Namespace}/{pod.Name}";
            var addresses = given.ByPod.TryGetValue(key, out var fromFile) ? fromFile : pod.IPs;
            var addressed = AddressedPod.Create(pod, cluster.NamespaceLabels(pod.Namespace), addresses);
            if (addressed.V4.IsEmpty && addressed.V6.IsEmpty)
            {
                unaddressed.Add(pod.Workload.Kind == "Pod" ? key : pod.Workload.ToString());
                continue;
            }
            foreach (var address in addressed.V4.Concat(addressed.V6))
            {
                if (owners.TryGetValue(address, out var other))
                    throw new NftablesInputException($"{Where(given, pod)}: {address} is the address of both {other} and {pod}");
                owners[address] = pod;
            }
            result.Add(addressed);
        }
        unaddressed.Sort(StringComparer.Ordinal);
        return new Result(result, unaddressed);
    }

    private static string Where(PodAddresses given, Pod pod) =>
        given.Origins.TryGetValue($"{pod.Namespace}/{pod.Name}", out var origin) ? origin : pod.Origin.ToString();
}
