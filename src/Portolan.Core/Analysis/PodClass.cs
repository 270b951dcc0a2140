using System.Collections.Immutable;
using Portolan.Core.Model;

namespace Portolan.Core.Analysis;

/// <summary>
/// Pods of one workload that no selector, named port or address can tell apart; one representative
/// is evaluated for all of them.
/// </summary>
public sealed record PodClass(WorkloadRef Workload, PodEndpoint Representative, ImmutableArray<Pod> Members)
{
    /// <summary>The container ports (name, number, protocol) in order, as part of a class key.</summary>
    public static string PortsKey(Pod pod) =>
        pod.Ports.IsEmpty ? "" : string.Join(",", pod.Ports.Select(p => $"{p.Name}:{p.Number}/{p.Protocol}"));

    public static string KeyOf(Pod pod, bool withAddresses) =>
        string.Join("|",
            pod.Labels.ToString(),
            PortsKey(pod),
            withAddresses ? string.Join(",", pod.IPs.Select(ip => ip.ToString())) : "");
}
