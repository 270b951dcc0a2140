using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis;

/// <summary>
/// What one side allows, as a set: egress at a source pod toward an endpoint, or ingress at a
/// destination pod from an endpoint. The set form of semantics §4.7, for every tier.
/// </summary>
public sealed class SideEvaluator(PolicyIndex index, RuleMatcher matcher)
{
    public PolicyIndex Index => index;

    public RuleMatcher Matcher => matcher;

    public ConnectionSet Allowed(PodEndpoint subject, Direction direction, Endpoint other)
    {
        var destination = direction == Direction.Ingress ? subject.Pod : (other as PodEndpoint)?.Pod;

        // Admin tier: first matching rule wins per (protocol, port), across policies by priority.
        var decided = ConnectionSet.None;
        var allowed = ConnectionSet.None;
        var passed = ConnectionSet.None;
        foreach (var policy in index.Admin)
        {
            if (!policy.Affects(direction) || !RuleMatcher.SubjectSelects(policy, subject)) continue;
            foreach (var rule in policy.Rules(direction))
            {
                if (!matcher.PeersMatch(rule, other)) continue;
                var fresh = RuleMatcher.Connections(rule, destination).Subtract(decided);
                if (fresh.IsEmpty) continue;
                if (rule.Action == RuleAction.Allow) allowed = allowed.Union(fresh);
                else if (rule.Action == RuleAction.Pass) passed = passed.Union(fresh);
                decided = decided.Union(fresh);
            }
        }

        // Traffic no admin rule matched behaves exactly like passed traffic.
        var toNetworkPolicy = passed.Union(decided.Complement());
        if (toNetworkPolicy.IsEmpty) return allowed;

        var isolated = false;
        var npAllowed = ConnectionSet.None;
        foreach (var policy in index.NetworkPoliciesIn(subject.Pod.Namespace))
        {
            if (!policy.Affects(direction) || !RuleMatcher.SubjectSelects(policy, subject)) continue;
            isolated = true;
            foreach (var rule in policy.Rules(direction))
            {
                if (matcher.PeersMatch(rule, other)) npAllowed = npAllowed.Union(RuleMatcher.Connections(rule, destination));
            }
        }
        if (isolated) return allowed.Union(toNetworkPolicy.Intersect(npAllowed));

        var baselineDecided = ConnectionSet.None;
        var baselineDenied = ConnectionSet.None;
        foreach (var policy in index.Baseline)
        {
            if (!policy.Affects(direction) || !RuleMatcher.SubjectSelects(policy, subject)) continue;
            foreach (var rule in policy.Rules(direction))
            {
                if (!matcher.PeersMatch(rule, other)) continue;
                var fresh = RuleMatcher.Connections(rule, destination).Subtract(baselineDecided);
                if (rule.Action == RuleAction.Deny) baselineDenied = baselineDenied.Union(fresh);
                baselineDecided = baselineDecided.Union(fresh);
            }
        }
        return allowed.Union(toNetworkPolicy.Subtract(baselineDenied));
    }

    /// <summary>Both sides: egress at the source (if a pod) and ingress at the destination (if a pod).</summary>
    public ConnectionSet Allowed(Endpoint source, Endpoint destination)
    {
        var result = ConnectionSet.All;
        if (source is PodEndpoint src) result = result.Intersect(Allowed(src, Direction.Egress, destination));
        if (result.IsEmpty) return result;
        if (destination is PodEndpoint dst) result = result.Intersect(Allowed(dst, Direction.Ingress, source));
        return result;
    }
}
