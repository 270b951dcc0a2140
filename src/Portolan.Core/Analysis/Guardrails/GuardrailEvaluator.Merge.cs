using Portolan.Core.Sets;

namespace Portolan.Core.Analysis.Guardrails;

public sealed partial class GuardrailEvaluator
{
    /// <summary>
    /// External ranges are cut at every ipBlock of every policy; ranges toward (or from) one workload that
    /// break a statement alike, on the same connections, for the same deciding rules, print as one range.
    /// </summary>
    private static IEnumerable<GuardrailViolation> MergeExternal(IEnumerable<GuardrailViolation> violations)
    {
        var merged = new Dictionary<string, (GuardrailViolation First, AddressSet Addresses)>(StringComparer.Ordinal);
        var order = new List<string>();
        var index = 0;
        foreach (var violation in violations)
        {
            var (example, explanation) = violation switch
            {
                ReachableViolation r => (r.Example, r.Explanation),
                UnreachableViolation u => (u.Example, u.Explanation),
                _ => (null, null),
            };
            var external = (example?.Source as ExternalPeer ?? example?.Destination as ExternalPeer)?.Addresses;
            var key = external is null || example is null || explanation is null
                ? $"#{index++}"
                : $"{violation.GetType().Name}|{(example.Source is ExternalPeer ? "from" : "to")}|{(example.Source is ExternalPeer ? example.Destination : example.Source)}"
                  + $"|{example.Connections}|{example.Protocol} {example.Port}|{Signature(explanation.Egress)}|{Signature(explanation.Ingress)}";
            if (merged.TryGetValue(key, out var entry))
            {
                merged[key] = (entry.First, entry.Addresses.Union(external!));
                continue;
            }
            merged[key] = (violation, external ?? AddressSet.Empty);
            order.Add(key);
        }
        return order.Select(key => merged[key]).Select(e => e.Addresses.IsEmpty ? e.First : WithRange(e.First, new ExternalPeer(e.Addresses)));
    }

    private static string Signature(SideExplanation? side) =>
        side is null ? "-" : string.Join(";", side.Path.Select(d => $"{d.Tier}:{d.Outcome}:{d.Policy?.DisplayName}:{d.Rule?.Name}"));

    private static GuardrailViolation WithRange(GuardrailViolation violation, ExternalPeer range)
    {
        Counterexample Replace(Counterexample e) => e.Source is ExternalPeer ? e with { Source = range } : e with { Destination = range };
        EvalResult Explain(EvalResult r) => r.Source is ExternalPeer ? r with { Source = range } : r with { Destination = range };
        return violation switch
        {
            ReachableViolation r => r with { Example = Replace(r.Example), Explanation = Explain(r.Explanation) },
            UnreachableViolation u => u with { Example = Replace(u.Example), Explanation = Explain(u.Explanation) },
            _ => violation,
        };
    }
}
