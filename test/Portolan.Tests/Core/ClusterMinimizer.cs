using System.Collections.Immutable;
using Portolan.Core.Model;
using Portolan.Core.Selectors;

namespace Portolan.Tests.Core;

/// <summary>
/// Greedy shrinking for a failing cluster: CsCheck shrinks by generator size, which still leaves many
/// irrelevant policies and rules, so the failure report removes one thing at a time (a policy, pod,
/// node, rule, peer, port, label, requirement, an IP) for as long as the check still fails.
/// </summary>
public static class ClusterMinimizer
{
    private const int MaxChecks = 3000;

    /// <summary>The smallest failing cluster found, described, with the failure it produces.</summary>
    public static string Report(Cluster cluster, Action<Cluster> check)
    {
        var failure = Failure(cluster, check);
        if (failure is null) return RandomClusters.Describe(cluster);
        var checks = 0;
        var progress = true;
        while (progress && checks < MaxChecks)
        {
            progress = false;
            foreach (var candidate in Smaller(cluster))
            {
                if (++checks > MaxChecks) break;
                var candidateFailure = Failure(candidate, check);
                if (candidateFailure is null) continue;
                (cluster, failure, progress) = (candidate, candidateFailure, true);
                break;
            }
        }
        return $"minimised counterexample:{RandomClusters.Describe(cluster)}failure: {failure}";
    }

    private static string? Failure(Cluster cluster, Action<Cluster> check)
    {
        try
        {
            check(cluster);
            return null;
        }
#pragma warning disable CA1031 // Any failure of the property counts, whatever its type.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e.Message;
        }
    }

    private static IEnumerable<Cluster> Smaller(Cluster cluster)
    {
        foreach (var i in Indexes(cluster.Policies)) yield return cluster with { Policies = cluster.Policies.RemoveAt(i) };
        if (cluster.Pods.Length > 2)
        {
            foreach (var i in Indexes(cluster.Pods)) yield return cluster with { Pods = cluster.Pods.RemoveAt(i) };
        }
        foreach (var i in Indexes(cluster.Nodes)) yield return cluster with { Nodes = cluster.Nodes.RemoveAt(i) };
        foreach (var i in Indexes(cluster.Policies))
        {
            foreach (var policy in Smaller(cluster.Policies[i])) yield return cluster with { Policies = cluster.Policies.SetItem(i, policy) };
        }
        foreach (var i in Indexes(cluster.Pods))
        {
            foreach (var pod in Smaller(cluster.Pods[i])) yield return cluster with { Pods = cluster.Pods.SetItem(i, pod) };
        }
        foreach (var ns in cluster.Namespaces.Values)
        {
            foreach (var labels in Smaller(ns.Labels, NamespaceInfo.NameLabel))
                yield return cluster with { Namespaces = cluster.Namespaces.SetItem(ns.Name, ns with { Labels = labels }) };
        }
    }

    private static IEnumerable<Policy> Smaller(Policy policy)
    {
        var admin = policy.Kind != PolicyKind.NetworkPolicy;
        if (!admin && policy.AffectsIngress && policy.AffectsEgress)
        {
            yield return policy with { AffectsEgress = false };
            yield return policy with { AffectsIngress = false };
        }
        foreach (var direction in new[] { Direction.Ingress, Direction.Egress })
        {
            var rules = policy.Rules(direction);
            foreach (var i in Indexes(rules)) yield return With(policy, direction, rules.RemoveAt(i), admin);
            foreach (var i in Indexes(rules))
            {
                foreach (var rule in Smaller(rules[i], admin)) yield return With(policy, direction, rules.SetItem(i, rule), admin);
            }
        }
        foreach (var subject in Smaller(policy.Subject)) yield return policy with { Subject = subject };
    }

    // Admin tiers affect a direction exactly when they have rules in it.
    private static Policy With(Policy policy, Direction direction, ImmutableArray<Rule> rules, bool admin) => direction == Direction.Ingress
        ? policy with { Ingress = rules, AffectsIngress = admin ? !rules.IsEmpty : policy.AffectsIngress }
        : policy with { Egress = rules, AffectsEgress = admin ? !rules.IsEmpty : policy.AffectsEgress };

    private static IEnumerable<Rule> Smaller(Rule rule, bool admin)
    {
        // Admin rules need at least one peer (semantics §4.2); an empty NetworkPolicy peer list means "any".
        if (!admin || rule.Peers.Length > 1)
        {
            foreach (var i in Indexes(rule.Peers)) yield return rule with { Peers = rule.Peers.RemoveAt(i) };
        }
        foreach (var i in Indexes(rule.Ports)) yield return rule with { Ports = rule.Ports.RemoveAt(i) };
        foreach (var i in Indexes(rule.Peers))
        {
            if (rule.Peers[i] is not PodPeer peer) continue;
            foreach (var selection in Smaller(peer.Selection)) yield return rule with { Peers = rule.Peers.SetItem(i, new PodPeer(selection)) };
        }
    }

    private static IEnumerable<PodSelection> Smaller(PodSelection selection)
    {
        foreach (var pods in Smaller(selection.Pods)) yield return selection with { Pods = pods };
        foreach (var namespaces in Smaller(selection.Namespaces)) yield return selection with { Namespaces = namespaces };
    }

    private static IEnumerable<LabelSelector> Smaller(LabelSelector selector) =>
        Indexes(selector.Requirements).Select(i => new LabelSelector(selector.Requirements.RemoveAt(i)));

    private static IEnumerable<Pod> Smaller(Pod pod)
    {
        foreach (var i in Indexes(pod.Ports)) yield return pod with { Ports = pod.Ports.RemoveAt(i) };
        foreach (var i in Indexes(pod.IPs)) yield return pod with { IPs = pod.IPs.RemoveAt(i) };
        foreach (var labels in Smaller(pod.Labels, null)) yield return pod with { Labels = labels };
    }

    private static IEnumerable<Labels> Smaller(Labels labels, string? keep) =>
        labels.Map.Keys.Where(k => k != keep).Select(k => Labels.From(labels.Map.Where(kv => kv.Key != k)));

    private static IEnumerable<int> Indexes<T>(ImmutableArray<T> items) => Enumerable.Range(0, items.Length);
}
