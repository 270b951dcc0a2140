using Portolan.Core.Model;

namespace Portolan.Core.Analysis.Guardrails;

public sealed partial class GuardrailEvaluator
{
    private List<Candidate>? _ingressPeers;
    private List<Candidate>? _egressPeers;

    // What a side may hear from (ingress: classes and source ranges) or send to (egress: classes and
    // destination ranges), by name, so the example chosen does not depend on input order.
    private List<Candidate> PeersFor(Direction direction) => direction == Direction.Ingress
        ? _ingressPeers ??= Ordered(Sources(PeerSelection.Any))
        : _egressPeers ??= Ordered(Destinations(PeerSelection.Any));

    private static List<Candidate> Ordered(List<Candidate> candidates) =>
        [.. candidates.OrderBy(c => c.Peers.IsEmpty ? "" : c.Peers[0].Name, StringComparer.Ordinal)];

    private IEnumerable<GuardrailViolation> Isolated(IsolatedGuardrail statement)
    {
        var cluster = _engine.Cluster;
        // Every pod's namespace is one of a class's: no need to walk the pods.
        var names = cluster.Namespaces.Keys.Concat(_engine.Classes.Select(c => c.Representative.Pod.Namespace)).ToHashSet(StringComparer.Ordinal);
        var selected = names.Where(n => statement.Namespaces.MatchesNamespace(n, cluster.NamespaceLabels(n))).ToHashSet(StringComparer.Ordinal);
        if (selected.Count == 0)
        {
            yield return new EmptySelectionViolation(statement, "namespaces");
            yield break;
        }
        foreach (var c in _engine.Classes)
        {
            var subject = c.Representative;
            if (!IsTouched(c.Index) || !selected.Contains(subject.Pod.Namespace)) continue;
            foreach (var direction in statement.Directions)
            {
                if (_defaults.IsolatedByNetworkPolicy(subject, direction)) continue;
                var example = DefaultExample(c.Index, direction);
                if (example is not { } found) continue;
                var (protocol, port) = Counterexample.First(found.Open, direction == Direction.Ingress ? subject.Pod : found.Other.Pod);
                var side = _explainer.Explain(subject, direction, found.Other.Value, protocol, port);
                foreach (var peer in _classPeers[c.Index])
                {
                    // Within its own class the other end is another pod: another workload when there is one.
                    var other = found.Other.Peers.FirstOrDefault(p => p != peer) ?? found.Other.Peers[0];
                    var counterexample = direction == Direction.Ingress
                        ? new Counterexample(other, peer, protocol, port, found.Open)
                        : new Counterexample(peer, other, protocol, port, found.Open);
                    yield return new NotIsolatedViolation(statement, _firstPod[peer], direction, counterexample, side);
                }
            }
        }
    }

    /// <summary>The first peer (by name) that the class's side lets through by default, and on what.</summary>
    private (Candidate Other, Sets.ConnectionSet Open)? DefaultExample(int c, Direction direction)
    {
        var subject = _engine.Classes[c].Representative;
        foreach (var other in PeersFor(direction))
        {
            // A class of one pod does not talk to itself; a class of several pods does, pod to pod.
            if (other.Endpoint == c && _engine.Classes[c].Members.Length == 1) continue;
            var open = _defaults.Allowed(subject, direction, other.Value);
            if (!open.IsEmpty) return (other, open);
        }
        return null;
    }
}
