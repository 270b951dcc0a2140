using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis.Guardrails;

/// <summary>
/// What one side lets through with no tier deciding (semantics §1.4: the final default allow): the
/// (protocol, port) pairs that no admin rule allows or denies, that reach a NetworkPolicy tier which
/// does not isolate the pod, and that no Baseline rule allows or denies (a Baseline Pass falls through to the default).
/// </summary>
public sealed class DefaultAllowance(PolicyIndex index, RuleMatcher matcher)
{
    /// <summary>Does a NetworkPolicy select the pod for this direction? Then nothing reaches the default.</summary>
    public bool IsolatedByNetworkPolicy(PodEndpoint subject, Direction direction) =>
        index.NetworkPoliciesIn(subject.Pod.Namespace).Any(p => p.Affects(direction) && RuleMatcher.SubjectSelects(p, subject));

    /// <summary>Does any admin or baseline policy select the pod for this direction? If not, everything is allowed by default.</summary>
    public bool SelectedByClusterTiers(PodEndpoint subject, Direction direction) =>
        index.Admin.Concat(index.Baseline).Any(p => p.Affects(direction) && RuleMatcher.SubjectSelects(p, subject));

    public ConnectionSet Allowed(PodEndpoint subject, Direction direction, Endpoint other)
    {
        if (IsolatedByNetworkPolicy(subject, direction)) return ConnectionSet.None;
        var destination = direction == Direction.Ingress ? subject.Pod : (other as PodEndpoint)?.Pod;
        var (adminDecided, adminPassed) = FirstMatch(index.Admin, subject, direction, other, destination);
        var open = adminPassed.Union(adminDecided.Complement());
        if (open.IsEmpty) return open;
        var (baselineDecided, baselinePassed) = FirstMatch(index.Baseline, subject, direction, other, destination);
        return open.Subtract(baselineDecided.Subtract(baselinePassed));
    }

    // First matching rule wins per (protocol, port) across a tier's policies in order: what the tier decides, and which of it is Pass.
    private (ConnectionSet Decided, ConnectionSet Passed) FirstMatch(IEnumerable<Policy> tier, PodEndpoint subject, Direction direction, Endpoint other, Pod? destination)
    {
        var decided = ConnectionSet.None;
        var passed = ConnectionSet.None;
        foreach (var policy in tier)
        {
            if (!policy.Affects(direction) || !RuleMatcher.SubjectSelects(policy, subject)) continue;
            foreach (var rule in policy.Rules(direction))
            {
                if (!matcher.PeersMatch(rule, other)) continue;
                var fresh = RuleMatcher.Connections(rule, destination).Subtract(decided);
                if (fresh.IsEmpty) continue;
                if (rule.Action == RuleAction.Pass) passed = passed.Union(fresh);
                decided = decided.Union(fresh);
            }
        }
        return (decided, passed);
    }
}
