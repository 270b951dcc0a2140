using System.Net;
using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis;

/// <summary>Resolves the user's names for endpoints and ports, then explains one connection.</summary>
public sealed class EvalQuery(Cluster cluster, ConnectivityAnalyzer analyzer, IPBlockScope scope)
{
    // Indexes built once per loaded state, so a query costs a lookup, not a scan of every pod.
    private readonly Lazy<Dictionary<(string, string), (List<Pod> Pods, bool Differ)>> _workloads = new(() => cluster.Pods
        .GroupBy(p => (p.Workload.Namespace, p.Workload.Name))
        .ToDictionary(g => g.Key, g => (g.ToList(), g.Select(p => PodClass.KeyOf(p, true)).Distinct(StringComparer.Ordinal).Count() > 1)));

    private readonly Lazy<Dictionary<(string, string), Pod>> _pods = new(() => cluster.Pods
        .GroupBy(p => (p.Namespace, p.Name)).ToDictionary(g => g.Key, g => g.First()));

    /// <summary>NS/NAME (a workload, else a pod; NAME alone means namespace default) or an IP address.</summary>
    public (Endpoint Endpoint, ReportPeer Peer)? Resolve(string text, out string? problem)
    {
        problem = null;
        if (Cidr.TryParseAddress(text, out var address)) return ResolveAddress(address);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var (ns, name) = slash < 0 ? ("default", text) : (text[..slash], text[(slash + 1)..]);
        var (byWorkload, differ) = _workloads.Value.TryGetValue((ns, name), out var found) ? found : ([], false);
        if (byWorkload.Count > 0)
        {
            if (differ) problem = $"note: the pods of {byWorkload[0].Workload} differ; answering for pod {byWorkload[0].Name} (name a pod to choose)";
            return (analyzer.EndpointOf(byWorkload[0]), new WorkloadPeer(byWorkload[0].Workload));
        }
        // A pod named by the user is reported as itself, even when list groups it under its workload.
        var pod = _pods.Value.GetValueOrDefault((ns, name));
        if (pod is not null) return (analyzer.EndpointOf(pod), new WorkloadPeer(pod.AsOwnWorkload));
        problem = $"no workload or pod named {ns}/{name}";
        return null;
    }

    private (Endpoint, ReportPeer) ResolveAddress(IPAddress address)
    {
        if (scope == IPBlockScope.All)
        {
            var pod = cluster.Pods.FirstOrDefault(p => p.IPs.Contains(address));
            if (pod is not null) return (analyzer.EndpointOf(pod), new WorkloadPeer(pod.Workload));
        }
        var external = ExternalAtoms.ForAddress(address);
        return (external, new ExternalPeer(external.Addresses));
    }

    /// <summary>A port number, or a name resolved on the destination pod (its protocol is used unless one is given).</summary>
    public static (Protocol Protocol, int Port)? ResolvePort(string text, Protocol? protocol, Endpoint destination, out string? problem)
    {
        problem = null;
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            if (number is >= PortSet.MinPort and <= PortSet.MaxPort) return (protocol ?? Protocol.TCP, number);
            problem = $"port {text} is out of range 1-65535";
            return null;
        }
        if (destination is not PodEndpoint pod)
        {
            problem = $"named port \"{text}\" needs a pod destination; external addresses have no named ports";
            return null;
        }
        var port = pod.Pod.FindPort(text);
        if (port is null)
        {
            problem = $"the destination {pod.Pod} has no container port named \"{text}\"";
            return null;
        }
        return (protocol ?? port.Protocol, port.Number);
    }

    public EvalResult Evaluate((Endpoint Endpoint, ReportPeer Peer) source, (Endpoint Endpoint, ReportPeer Peer) destination,
        Protocol protocol, int port, string? portName)
    {
        // Semantics §3.8: a pod's traffic to itself cannot be blocked.
        if (source.Endpoint is PodEndpoint self && destination.Endpoint is PodEndpoint other && ReferenceEquals(self.Pod, other.Pod))
        {
            SideExplanation Self(Direction direction) => new(direction, self, true, [new Decision(null, Outcome.SelfTraffic, null, null, [])]);
            return new EvalResult(source.Peer, destination.Peer, protocol, port, portName, Self(Direction.Egress), Self(Direction.Ingress));
        }
        var explainer = analyzer.Explainer;
        var egress = source.Endpoint is PodEndpoint src
            ? explainer.Explain(src, Direction.Egress, destination.Endpoint, protocol, port) : null;
        var ingress = destination.Endpoint is PodEndpoint dst
            ? explainer.Explain(dst, Direction.Ingress, source.Endpoint, protocol, port) : null;
        return new EvalResult(source.Peer, destination.Peer, protocol, port, portName, egress, ingress);
    }
}
