using System.Collections.Immutable;
using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis;

/// <summary>
/// The per-(protocol, port) decision procedure of semantics §4.5 / §5.2, recording the path. It is the
/// reference the set engine is tested against, and what <c>eval</c> prints.
/// </summary>
public sealed class Explainer(PolicyIndex index, RuleMatcher matcher)
{
    public SideExplanation Explain(PodEndpoint subject, Direction direction, Endpoint other, Protocol protocol, int port)
    {
        var destination = direction == Direction.Ingress ? subject.Pod : (other as PodEndpoint)?.Pod;
        var path = ImmutableArray.CreateBuilder<Decision>();
        SideExplanation Done(bool allowed) => new(direction, subject, allowed, path.ToImmutable());

        bool Matches(Rule rule) =>
            RuleMatcher.PortsCover(rule, destination, protocol, port) && matcher.PeersMatch(rule, other);

        var adminSelected = false;
        var passed = false;
        foreach (var policy in index.Admin)
        {
            if (passed || !policy.Affects(direction) || !RuleMatcher.SubjectSelects(policy, subject)) continue;
            adminSelected = true;
            var rule = policy.Rules(direction).FirstOrDefault(Matches);
            if (rule is null) continue;
            var outcome = rule.Action switch { RuleAction.Allow => Outcome.Allowed, RuleAction.Deny => Outcome.Denied, _ => Outcome.Passed };
            path.Add(new Decision(Tier.Admin, outcome, policy, rule, []));
            if (outcome == Outcome.Allowed) return Done(true);
            if (outcome == Outcome.Denied) return Done(false);
            passed = true;
        }
        if (adminSelected && !passed) path.Add(new Decision(Tier.Admin, Outcome.NoMatch, null, null, []));

        var isolating = index.NetworkPoliciesIn(subject.Pod.Namespace)
            .Where(p => p.Affects(direction) && RuleMatcher.SubjectSelects(p, subject)).ToImmutableArray();
        if (!isolating.IsEmpty)
        {
            foreach (var policy in isolating)
            {
                var rule = policy.Rules(direction).FirstOrDefault(Matches);
                if (rule is null) continue;
                path.Add(new Decision(Tier.NetworkPolicy, Outcome.Allowed, policy, rule, isolating));
                return Done(true);
            }
            path.Add(new Decision(Tier.NetworkPolicy, Outcome.Denied, null, null, isolating));
            return Done(false);
        }
        path.Add(new Decision(Tier.NetworkPolicy, Outcome.NotSelected, null, null, []));

        var baselineSelected = false;
        foreach (var policy in index.Baseline)
        {
            if (!policy.Affects(direction) || !RuleMatcher.SubjectSelects(policy, subject)) continue;
            baselineSelected = true;
            var rule = policy.Rules(direction).FirstOrDefault(Matches);
            if (rule is null) continue;
            var outcome = rule.Action switch { RuleAction.Allow => Outcome.Allowed, RuleAction.Deny => Outcome.Denied, _ => Outcome.Passed };
            path.Add(new Decision(Tier.Baseline, outcome, policy, rule, []));
            if (outcome == Outcome.Denied) return Done(false);
            if (outcome == Outcome.Allowed) return Done(true);
            break; // Baseline Pass: skip the rest of the Baseline tier (semantics §5.2).
        }
        if (baselineSelected && path[^1].Tier != Tier.Baseline) path.Add(new Decision(Tier.Baseline, Outcome.NoMatch, null, null, []));
        path.Add(new Decision(null, Outcome.DefaultAllow, null, null, []));
        return Done(true);
    }
}
