using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis.Guardrails;

public sealed partial class GuardrailEvaluator
{
    private IEnumerable<GuardrailViolation> Deny(DenyGuardrail statement)
    {
        var sources = Split(Sources(statement.From));
        foreach (var destination in Destinations(statement.To))
        {
            var ports = statement.Ports.For(destination.Pod);
            if (ports.IsEmpty) continue;
            foreach (var source in PairedWith(destination, sources))
            {
                var offending = Allowed(source, destination).Intersect(ports);
                if (offending.IsEmpty) continue;
                foreach (var violation in Reachable(statement, source, destination, offending)) yield return violation;
            }
        }
    }

    private IEnumerable<GuardrailViolation> Require(RequireGuardrail statement)
    {
        var sources = Sources(statement.From);
        var destinations = Destinations(statement.To);
        // An empty side would make the statement hold vacuously: a renamed namespace must not silence it.
        if (sources.Count == 0) yield return new EmptySelectionViolation(statement, "from");
        if (destinations.Count == 0) yield return new EmptySelectionViolation(statement, "to");
        var split = Split(sources);
        foreach (var destination in destinations)
        {
            foreach (var port in statement.Ports.Unresolved(destination.Pod))
            {
                foreach (var peer in destination.Peers) yield return new UnresolvedPortViolation(statement, peer, port);
            }
            var required = statement.Ports.For(destination.Pod);
            if (required.IsEmpty) continue;
            foreach (var source in PairedWith(destination, split))
            {
                if (source.Endpoint >= _engine.ClassCount && destination.Endpoint >= _engine.ClassCount) continue;
                var missing = required.Subtract(Allowed(source, destination));
                if (missing.IsEmpty) continue;
                var (protocol, port) = Counterexample.First(missing, destination.Pod);
                foreach (var (s, d) in Pairs(source, destination))
                {
                    yield return new UnreachableViolation(statement, new Counterexample(s, d, protocol, port, missing),
                        Explain(source, s, destination, d, protocol, port));
                }
            }
        }
    }

    private IEnumerable<GuardrailViolation> Only(OnlyGuardrail statement)
    {
        var sources = Split(Sources(PeerSelection.Any));
        foreach (var destination in Destinations(statement.To))
        {
            var permits = statement.Allow.Select(a => (a.From, Ports: a.Ports.For(destination.Pod))).ToList();
            foreach (var source in PairedWith(destination, sources))
            {
                var allowed = Allowed(source, destination);
                if (allowed.IsEmpty) continue;
                if (source.Value is PodEndpoint pod)
                {
                    var permitted = permits.Where(p => p.From.MatchesPod(pod.Pod, pod.NamespaceLabels))
                        .Aggregate(ConnectionSet.None, (set, p) => set.Union(p.Ports));
                    var extra = allowed.Subtract(permitted);
                    if (extra.IsEmpty) continue;
                    foreach (var violation in Reachable(statement, source, destination, extra)) yield return violation;
                    continue;
                }
                // An external range may be partly permitted: cut it where the allowances' CIDRs cut it.
                foreach (var (part, extra) in Unpermitted(((ExternalEndpoint)source.Value).Addresses, allowed, permits))
                {
                    foreach (var violation in Reachable(statement, ExternalCandidate(source.Endpoint, part), destination, extra)) yield return violation;
                }
            }
        }
    }

    /// <summary>The addresses of an external range that may open more than their allowances permit, grouped by what is too much.</summary>
    private static IEnumerable<(AddressSet Part, ConnectionSet Extra)> Unpermitted(
        AddressSet range, ConnectionSet allowed, List<(PeerSelection From, ConnectionSet Ports)> permits)
    {
        var pieces = new List<(AddressSet Part, ConnectionSet Permitted)> { (range, ConnectionSet.None) };
        foreach (var (from, ports) in permits)
        {
            var addresses = from.Addresses;
            if (addresses.IsEmpty) continue;
            pieces = [.. pieces.SelectMany(p => new[]
            {
                (p.Part.Intersect(addresses), p.Permitted.Union(ports)),
                (p.Part.Subtract(addresses), p.Permitted),
            }).Where(p => !p.Item1.IsEmpty)];
        }
        return pieces.Select(p => (p.Part, Extra: allowed.Subtract(p.Permitted))).Where(p => !p.Extra.IsEmpty)
            .GroupBy(p => p.Extra)
            .Select(g => (g.Aggregate(AddressSet.Empty, (a, p) => a.Union(p.Part)), g.Key));
    }
}
