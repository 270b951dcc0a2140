using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Model;

namespace Portolan.Core.Analysis.Lint;

/// <summary>
/// Rules that change nothing: fully shadowed rules (removed and recomputed by the compressed engine, see
/// <see cref="CompressedEngine.EffectOf"/>), and admin-tier Pass rules with nothing below them to decide (§4.5).
/// </summary>
public static class Redundancy
{
    public static IEnumerable<LintFinding> Find(LintContext context, Func<LintRule, bool> enabled)
    {
        var passes = new HashSet<Rule>(ReferenceEqualityComparer.Instance);
        if (enabled(LintCatalogue.PassReachesNothing))
        {
            foreach (var (policy, direction, position, rule) in context.EffectiveRules())
            {
                if (!PassReachesNothing(context, policy, direction, rule)) continue;
                passes.Add(rule);
                var pods = context.PodsOf(context.ClassesOf(policy.Subject)).Count();
                yield return context.RuleFinding(LintCatalogue.PassReachesNothing, policy, direction, position, rule,
                    $"passes traffic on, but no NetworkPolicy or baseline policy selects its {pods} pod{(pods == 1 ? "" : "s")} for {LintContext.Word(direction)}: "
                    + "the passed traffic is allowed by default, as if the rule were Allow");
            }
        }
        if (!enabled(LintCatalogue.RedundantRule)) yield break;
        // Greedy, from the lowest precedence up: a rule found redundant is removed before the next is judged, so
        // two rules that shadow each other are not both reported, the shadowed one (lower tier, later) is, and
        // removing every reported rule together changes nothing. This changes the engine: it runs last.
        var order = LowestPrecedenceFirst(context);
        var judged = context.Focused ? RedundancyScope.Judged(context, order) : null;
        if (judged is not null && enabled(LintCatalogue.PassReachesNothing))
        {
            // The rules judged beside the focused ones skip their Pass rules as a full run would (before any removal).
            for (int i = 0; i < order.Count; i++)
            {
                var (policy, direction, _, rule) = order[i];
                if (judged[i] && !context.InFocus(policy) && PassReachesNothing(context, policy, direction, rule)) passes.Add(rule);
            }
        }
        var engine = context.Engine;
        var current = new Dictionary<Policy, Policy>(ReferenceEqualityComparer.Instance);
        try
        {
            for (int i = 0; i < order.Count; i++)
            {
                if (judged is not null && !judged[i]) continue;
                var (policy, direction, position, rule) = order[i];
                if (passes.Contains(rule)) continue;
                var now = current.GetValueOrDefault(policy, policy);
                if (engine.EffectOf(now, rule, direction) != RuleEffect.Redundant) continue;
                if (context.InFocus(policy))
                {
                    var pods = context.PodsOf(context.ClassesOf(policy.Subject)).Count();
                    var message = rule.Action == RuleAction.Pass
                        ? $"passes only traffic no later admin rule matches: without it, that traffic reaches the NetworkPolicy tier all the same, for the {pods} pod{(pods == 1 ? "" : "s")} it applies to"
                        : $"is fully shadowed: without it, every {LintContext.Word(direction)} decision for the {pods} pod{(pods == 1 ? "" : "s")} it applies to stays the same";
                    yield return context.RuleFinding(LintCatalogue.RedundantRule, policy, direction, position, rule, message,
                        Shadow(policy, direction), "judged with the redundant rules reported before it removed: all of them can be deleted together");
                }
                var without = direction == Direction.Ingress
                    ? now with { Ingress = now.Ingress.Remove(rule, ReferenceEqualityComparer.Instance) }
                    : now with { Egress = now.Egress.Remove(rule, ReferenceEqualityComparer.Instance) };
                engine.ReplacePolicy(now, without);
                current[policy] = without;
            }
        }
        finally
        {
            // A borrowed engine (the webhook's proposed state) is handed back with the original policies.
            if (!context.OwnsEngine)
            {
                foreach (var (original, now) in current) engine.ReplacePolicy(now, original);
            }
        }
    }

    /// <summary>An admin Pass rule that matches something, with no NetworkPolicy or baseline policy below it to decide (§4.5).</summary>
    private static bool PassReachesNothing(LintContext context, Policy policy, Direction direction, Rule rule) =>
        policy.Tier == Tier.Admin && rule.Action == RuleAction.Pass
        && context.EffectOf(policy, direction, rule) != RuleEffect.MatchesNothing && !Decided(context, policy, direction);

    /// <summary>Baseline tier, then NetworkPolicy, then admin; within a tier the last-evaluated policy and rule first.</summary>
    private static List<(Policy Policy, Direction Direction, int Position, Rule Rule)> LowestPrecedenceFirst(LintContext context) =>
        context.AllEffectiveRules()
            .OrderByDescending(r => r.Policy.Tier switch { Tier.Admin => 0, Tier.NetworkPolicy => 1, _ => 2 })
            .ThenByDescending(r => r.Policy.Priority)
            .ThenByDescending(r => r.Policy.Namespace ?? "", StringComparer.Ordinal)
            .ThenByDescending(r => r.Policy.Name, StringComparer.Ordinal)
            .ThenBy(r => r.Direction)
            .ThenByDescending(r => r.Position)
            .ToList();

    /// <summary>Does some NetworkPolicy or baseline policy select a pod of this policy's subject in the direction?</summary>
    private static bool Decided(LintContext context, Policy policy, Direction direction)
    {
        var engine = context.Engine;
        var subject = engine.SelectionSet(policy.Subject);
        return context.Cluster.Policies.Any(p => p.Tier != Tier.Admin && p.Affects(direction)
            && context.ClassesOf(p.Subject).Any(c => subject[c]));
    }

    private static string Shadow(Policy policy, Direction direction) => policy.Tier switch
    {
        Tier.NetworkPolicy => $"what it allows is allowed by other {LintContext.Word(direction)} rules of the NetworkPolicy tier, or decided before it by the admin tier",
        Tier.Admin => "an earlier rule, a policy of higher priority, or the tiers below decide the same way",
        _ => "the tiers above or an earlier baseline rule decide all it matches, or the default (allow) agrees with it",
    };
}
