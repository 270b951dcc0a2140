using System.Collections.Immutable;
using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis.Diff;

/// <summary>
/// Names the manifests behind a diff entry, preferring the after side (the one under review): for new
/// exposure, the rules that now allow one probe (protocol, port) of it; for what only closed, the
/// rules or isolating policies that now deny it. A workload that is new or gone, or a connection no
/// policy decides, falls back to the workload's own manifest. The probe names a cause, not every cause.
/// </summary>
public sealed class DiffExplainer(ConnectivityAnalyzer before, ConnectivityAnalyzer after)
{
    private readonly Lazy<Dictionary<string, PodEndpoint>> _beforePods = new(() => Pods(before));
    private readonly Lazy<Dictionary<string, PodEndpoint>> _afterPods = new(() => Pods(after));

    public ImmutableArray<DiffCause> Explain(DiffEntry entry)
    {
        var opening = !entry.Opened.IsEmpty;
        var (protocol, port) = Probe(opening ? entry.Opened : entry.Closed);
        var causes = new List<DiffCause>();
        var source = Endpoint(entry.Source, _afterPods.Value);
        var destination = Endpoint(entry.Destination, _afterPods.Value);
        if (source is not null && destination is not null)
        {
            if (source is PodEndpoint src)
            {
                causes.AddRange(Causes(after.Explainer.Explain(src, Direction.Egress, destination, protocol, port), entry.Source, opening));
            }
            if (destination is PodEndpoint dst)
            {
                causes.AddRange(Causes(after.Explainer.Explain(dst, Direction.Ingress, source, protocol, port), entry.Destination, opening));
            }
        }
        if (causes.Count > 0) return [.. causes.Distinct()];

        foreach (var peer in entry.OneSidedPeers)
        {
            var pods = entry.Kind == DiffKind.Removed ? _beforePods.Value : _afterPods.Value;
            if (pods.TryGetValue(peer.Name, out var pod))
            {
                causes.Add(new DiffCause($"workload {peer.Name} {(entry.Kind == DiffKind.Removed ? "removed" : "added")}", pod.Pod.Origin));
            }
        }
        if (causes.Count == 0)
        {
            var workload = entry.Destination is WorkloadPeer ? entry.Destination : entry.Source;
            if (_afterPods.Value.TryGetValue(workload.Name, out var pod))
            {
                causes.Add(new DiffCause($"no policy decides this connection of {workload.Name}", pod.Pod.Origin));
            }
        }
        return [.. causes];
    }

    private static IEnumerable<DiffCause> Causes(SideExplanation side, ReportPeer subject, bool opening)
    {
        var direction = side.Direction == Direction.Ingress ? "ingress" : "egress";
        foreach (var step in side.Path)
        {
            if (opening && step.Outcome == Outcome.Allowed && step.Policy is { } allowing)
            {
                yield return new DiffCause($"{direction} of {subject} allowed by {allowing} rule {step.Rule?.Name}",
                    step.Rule?.Origin ?? allowing.Origin);
            }
            if (opening || step.Outcome != Outcome.Denied) continue;
            if (step.Policy is { } denying)
            {
                yield return new DiffCause($"{direction} of {subject} denied by {denying} rule {step.Rule?.Name}",
                    step.Rule?.Origin ?? denying.Origin);
            }
            foreach (var isolating in step.Policy is null ? step.Isolating : [])
            {
                yield return new DiffCause($"{direction} of {subject} isolated by {isolating}", isolating.Origin);
            }
        }
    }

    private static (Protocol, int) Probe(ConnectionSet set)
    {
        foreach (var protocol in (ReadOnlySpan<Protocol>)[Protocol.TCP, Protocol.UDP, Protocol.SCTP])
        {
            if (!set[protocol].IsEmpty) return (protocol, set[protocol].Intervals[0].Start);
        }
        return (Protocol.TCP, PortSet.MinPort);
    }

    private static Endpoint? Endpoint(ReportPeer peer, Dictionary<string, PodEndpoint> pods) => peer switch
    {
        WorkloadPeer w => pods.GetValueOrDefault(w.Name),
        ExternalPeer e when !e.Addresses.V4.IsEmpty =>
            new ExternalEndpoint(new AddressSet(IntervalSet<uint>.Single(e.Addresses.V4.Intervals[0].Start), IntervalSet<UInt128>.Empty)),
        ExternalPeer e when !e.Addresses.V6.IsEmpty =>
            new ExternalEndpoint(new AddressSet(IntervalSet<uint>.Empty, IntervalSet<UInt128>.Single(e.Addresses.V6.Intervals[0].Start))),
        _ => null,
    };

    // A workload's name and each of its pods' own names (pods reported one by one) lead to a representative.
    private static Dictionary<string, PodEndpoint> Pods(ConnectivityAnalyzer analyzer)
    {
        var pods = new Dictionary<string, PodEndpoint>(StringComparer.Ordinal);
        foreach (var podClass in analyzer.Classes())
        {
            pods.TryAdd(podClass.Workload.ToString(), podClass.Representative);
            foreach (var pod in podClass.Members) pods.TryAdd(pod.AsOwnWorkload.ToString(), analyzer.EndpointOf(pod));
        }
        return pods;
    }
}
