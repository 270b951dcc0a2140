using System.Collections.Immutable;
using Portolan.Core.Model;
using Portolan.Core.Selectors;

namespace Portolan.Kubernetes;

/// <summary>
/// Pods of one workload carry equal labels and ports; within a file, later pods take the first one's
/// instances, so 100,000 pods hold a few thousand label maps rather than 100,000 (less memory, and
/// fewer objects for the garbage collector to trace while loading).
/// </summary>
internal sealed class PodSharing
{
    private readonly Dictionary<Labels, Labels> _labels = [];
    private readonly Dictionary<ImmutableArray<ContainerPort>, ImmutableArray<ContainerPort>> _ports = new(PortsComparer.Instance);

    public Pod Share(Pod pod)
    {
        if (!_labels.TryGetValue(pod.Labels, out var labels)) _labels[pod.Labels] = labels = pod.Labels;
        if (!_ports.TryGetValue(pod.Ports, out var ports)) _ports[pod.Ports] = ports = pod.Ports;
        return ReferenceEquals(labels, pod.Labels) && ports == pod.Ports ? pod : pod with { Labels = labels, Ports = ports };
    }

    private sealed class PortsComparer : IEqualityComparer<ImmutableArray<ContainerPort>>
    {
        public static readonly PortsComparer Instance = new();

        public bool Equals(ImmutableArray<ContainerPort> x, ImmutableArray<ContainerPort> y) => x.SequenceEqual(y);

        public int GetHashCode(ImmutableArray<ContainerPort> ports)
        {
            var hash = new HashCode();
            foreach (var port in ports) hash.Add(port);
            return hash.ToHashCode();
        }
    }
}
