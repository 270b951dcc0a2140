using System.Collections.Immutable;
using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis.Guardrails;

public sealed partial class GuardrailEvaluator
{
    /// <summary>
    /// One end a statement picks: a class of pods (named by its workloads), or the part of an external
    /// atom inside the statement's addresses. Endpoint is the engine's index; Value what the explainer sees.
    /// </summary>
    private readonly record struct Candidate(int Endpoint, Endpoint Value, ImmutableArray<ReportPeer> Peers)
    {
        public Pod? Pod => (Value as PodEndpoint)?.Pod;
    }

    private List<Candidate> Sources(PeerSelection selection) =>
        Candidates(selection, _engine.SourceAtoms, _engine.FirstSourceAtom);

    private List<Candidate> Destinations(PeerSelection selection) =>
        Candidates(selection, _engine.DestinationAtoms, _engine.FirstDestinationAtom);

    private List<Candidate> Candidates(PeerSelection selection, ImmutableArray<ExternalEndpoint> atoms, int first)
    {
        var result = new List<Candidate>();
        foreach (var c in _engine.Classes)
        {
            if (selection.MatchesPod(c.Representative.Pod, c.Representative.NamespaceLabels)) result.Add(ClassCandidate(c.Index));
        }
        var addresses = selection.Addresses;
        if (addresses.IsEmpty) return result;
        for (int a = 0; a < atoms.Length; a++)
        {
            // Every address of an atom is decided alike, so the part inside the selection stands for the atom.
            var part = atoms[a].Addresses.Intersect(addresses);
            if (!part.IsEmpty) result.Add(ExternalCandidate(first + a, part));
        }
        return result;
    }

    private Candidate ClassCandidate(int c) => new(c, _engine.Classes[c].Representative, _classPeers[c]);

    private static Candidate ExternalCandidate(int endpoint, AddressSet part) => new(endpoint, new ExternalEndpoint(part), [new ExternalPeer(part)]);

    /// <summary>What the source may open toward the destination (both sides); nothing between two external ranges.</summary>
    private ConnectionSet Allowed(Candidate source, Candidate destination)
    {
        var (s, d) = (source.Endpoint, destination.Endpoint);
        if (s >= _engine.ClassCount && d >= _engine.ClassCount) return ConnectionSet.None;
        // The full evaluation decides every pair: all reachable rows at once pay off; the restricted one checks its touched end.
        if (_touched is null ? s < _engine.ClassCount && !ReachableRows[s][d] : !MayReach(s, d)) return ConnectionSet.None;
        return _engine.Connections(s, d);
    }

    // A workload's traffic to itself is not a pair (as in list): pods of one class pair up only across workloads.
    private static IEnumerable<(ReportPeer Source, ReportPeer Destination)> Pairs(Candidate source, Candidate destination) =>
        from s in source.Peers from d in destination.Peers where s != d select (s, d);

    private EvalResult Explain(Candidate source, ReportPeer sourcePeer, Candidate destination, ReportPeer destinationPeer, Protocol protocol, int port)
    {
        var egress = source.Value is PodEndpoint src ? _explainer.Explain(src, Direction.Egress, destination.Value, protocol, port) : null;
        var ingress = destination.Value is PodEndpoint dst ? _explainer.Explain(dst, Direction.Ingress, source.Value, protocol, port) : null;
        return new EvalResult(sourcePeer, destinationPeer, protocol, port, null, egress, ingress);
    }

    private IEnumerable<ReachableViolation> Reachable(Guardrail statement, Candidate source, Candidate destination, ConnectionSet offending)
    {
        var (protocol, port) = Counterexample.First(offending, destination.Pod);
        foreach (var (s, d) in Pairs(source, destination))
        {
            yield return new ReachableViolation(statement, new Counterexample(s, d, protocol, port, offending),
                Explain(source, s, destination, d, protocol, port));
        }
    }
}
