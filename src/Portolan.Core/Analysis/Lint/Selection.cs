using Portolan.Core.Model;

namespace Portolan.Core.Analysis.Lint;

/// <summary>Selectors that match nothing: a policy's subject (semantics §3.1), a rule's peers (§3.5).</summary>
public static class Selection
{
    public static IEnumerable<LintFinding> Find(LintContext context, Func<LintRule, bool> enabled)
    {
        if (enabled(LintCatalogue.PolicySelectsNothing))
        {
            foreach (var policy in context.Policies)
            {
                if (context.ClassesOf(policy.Subject).Any()) continue;
                var where = policy.Kind == PolicyKind.NetworkPolicy ? $"pods {policy.Subject.Pods} in namespace {policy.Namespace}" : $"subject ({policy.Subject})";
                yield return new LintFinding(LintCatalogue.PolicySelectsNothing, $"selects no pod: {where} matches nothing in the input",
                    LintContext.ObjectName(policy), LintContext.Located(policy.Origin, policy.Origin), [])
                {
                    Annotations = context.AnnotationsOf(policy),
                };
            }
        }
        if (!enabled(LintCatalogue.PeerMatchesNothing)) yield break;
        // Every namespace of the input, gathered only when some peer matches nothing (a scan of every pod).
        HashSet<string>? known = null;
        foreach (var (policy, direction, position, rule) in context.EffectiveRules())
        {
            var empty = rule.Peers.Where(peer => peer switch
            {
                PodPeer => !context.ClassesOf(peer).Any(),
                // Node peers are judged only when the input has nodes at all.
                NodePeer n => context.Cluster.Nodes.Length > 0 && context.Engine.Matcher.NodeAddresses(n).IsEmpty,
                _ => false,
            }).ToList();
            if (empty.Count == 0) continue;
            var all = empty.Count == rule.Peers.Length;
            var text = string.Join("; ", empty.Select(Describe));
            // A peer whose namespaces are all absent from the input (kube-system, when linting one app) may well match
            // in the cluster: said, but as info.
            known ??= context.Cluster.Namespaces.Keys.Concat(context.Cluster.Pods.Select(p => p.Namespace)).ToHashSet(StringComparer.Ordinal);
            var outside = empty.All(peer => peer is PodPeer { Selection.Namespace: null } p
                && !known.Any(ns => p.Selection.Namespaces.Matches(context.Cluster.NamespaceLabels(ns))));
            var finding = context.RuleFinding(LintCatalogue.PeerMatchesNothing, policy, direction, position, rule,
                (all ? $"matches nothing: no peer selects anything ({text})" : $"has a peer that matches nothing: {text}")
                + (outside ? "; it selects only namespaces that are not in the input" : ""));
            yield return outside ? finding with { Severity = LintSeverity.Info } : finding;
        }
    }

    private static string Describe(Peer peer) => peer switch
    {
        PodPeer p => p.Selection.ToString(),
        NodePeer n => $"nodes {n.Selector}",
        _ => peer.ToString(),
    };
}
