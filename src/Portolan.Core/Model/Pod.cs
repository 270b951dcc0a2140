using System.Collections.Immutable;
using System.Net;
using Portolan.Core.Selectors;

namespace Portolan.Core.Model;

/// <summary>
/// One pod as the engine sees it. Pods of workload objects are synthesised from the template, one
/// per workload (their IPs are unknown).
/// </summary>
public sealed record Pod(
    string Namespace,
    string Name,
    Labels Labels,
    ImmutableArray<ContainerPort> Ports,
    ImmutableArray<IPAddress> IPs,
    WorkloadRef Workload,
    SourceLocation Origin)
{
    /// <summary>metadata.annotations (e.g. portolan.dev/lint-disable); empty when there are none.</summary>
    public Labels Annotations { get; init; } = Labels.Empty;

    public WorkloadRef AsOwnWorkload => new(Namespace, Name, "Pod");

    /// <summary>First container port with this name, in container order (semantics §3.7).</summary>
    public ContainerPort? FindPort(string name)
    {
        foreach (var port in Ports)
        {
            if (string.Equals(port.Name, name, StringComparison.Ordinal)) return port;
        }
        return null;
    }

    public override string ToString() => $"{Namespace}/{Name}";
}
