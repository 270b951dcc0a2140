using Portolan.Core.Model;

namespace Portolan.Core.Analysis.Lint;

/// <summary>NetworkPolicy rules of a direction policyTypes does not list (semantics §3.2, §7.4): kept by the parser, never evaluated.</summary>
public static class IgnoredRules
{
    public static IEnumerable<LintFinding> Find(LintContext context)
    {
        foreach (var (policy, direction, position, rule) in context.Rules())
        {
            if (policy.Kind != PolicyKind.NetworkPolicy || policy.Affects(direction)) continue;
            var listed = policy.AffectsIngress ? "Ingress" : policy.AffectsEgress ? "Egress" : "nothing";
            yield return context.RuleFinding(LintCatalogue.IgnoredDirection, policy, direction, position, rule,
                $"is ignored: policyTypes lists only {listed}");
        }
    }
}
