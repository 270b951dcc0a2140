using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Model;

namespace Portolan.Core.Analysis.Lint;

/// <summary>Namespaces without a default-deny per direction, and workloads no policy selects (semantics §3.3).</summary>
public static class Isolation
{
    public static IEnumerable<LintFinding> Find(LintContext context, Func<LintRule, bool> enabled)
    {
        // Findings about namespaces and workloads, never about a policy.
        if (context.Focused) yield break;
        var namespaces = context.Cluster.Pods.GroupBy(p => p.Namespace, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var pods in namespaces)
        {
            foreach (var (direction, rule) in new[] { (Direction.Ingress, LintCatalogue.MissingDefaultDenyIngress), (Direction.Egress, LintCatalogue.MissingDefaultDenyEgress) })
            {
                if (!enabled(rule) || HasDefaultDeny(context, pods.Key, direction)) continue;
                var defined = context.Cluster.Namespaces.TryGetValue(pods.Key, out var info);
                var location = defined ? info!.Origin : pods.Select(p => p.Origin).OrderBy(o => o.File, StringComparer.Ordinal).ThenBy(o => o.Line).First();
                var count = pods.Select(p => p.Workload).Distinct().Count();
                yield return new LintFinding(rule,
                    $"no policy selects every pod for {LintContext.Word(direction)}; pods no other policy isolates accept {(direction == Direction.Ingress ? "every connection" : "sending anywhere")}",
                    $"Namespace {pods.Key}", LintContext.Located(location, location),
                    [$"{count} workload{(count == 1 ? "" : "s")} in the namespace{(defined ? "" : " (the namespace has no manifest; located at its first workload)")}"])
                {
                    Annotations = [context.NamespaceAnnotations(pods.Key)],
                };
            }
        }
        if (enabled(LintCatalogue.PodNotSelected))
        {
            foreach (var finding in Unselected(context)) yield return finding;
        }
    }

    /// <summary>
    /// A NetworkPolicy of the namespace with podSelector: {} affecting the direction, or an admin or baseline policy
    /// whose subject covers the whole namespace with a Deny of every peer on every port in that direction.
    /// </summary>
    public static bool HasDefaultDeny(LintContext context, string ns, Direction direction)
    {
        if (context.Engine.Index.NetworkPoliciesIn(ns).Any(p => p.Affects(direction) && p.Subject.Pods.MatchesEverything)) return true;
        var labels = context.Cluster.NamespaceLabels(ns);
        return context.Engine.Index.Admin.Concat(context.Engine.Index.Baseline).Any(p =>
            p.Affects(direction) && p.Subject.Namespace is null && p.Subject.Pods.MatchesEverything && p.Subject.Namespaces.Matches(labels)
            && p.Rules(direction).Any(r => r.Action == RuleAction.Deny && PeerShapes.Unrestricted(p, direction, r, context.Scope) && PeerShapes.EveryPort(r)));
    }

    private static IEnumerable<LintFinding> Unselected(LintContext context)
    {
        var engine = context.Engine;
        var selected = new BitSet(engine.EndpointCount);
        foreach (var policy in context.Cluster.Policies)
        {
            if (policy.AffectsIngress || policy.AffectsEgress) selected.Or(engine.SelectionSet(policy.Subject));
        }
        var pods = Enumerable.Range(0, engine.ClassCount).Where(c => !selected[c]).SelectMany(c => engine.Classes[c].Members);
        foreach (var workload in pods.GroupBy(p => p.Workload))
        {
            var first = workload.OrderBy(p => p.Origin.File, StringComparer.Ordinal).ThenBy(p => p.Origin.Line).First();
            yield return new LintFinding(LintCatalogue.PodNotSelected,
                "is selected by no policy: every connection to and from it is allowed",
                LintContext.ObjectName(workload.Key), LintContext.Located(first.Origin, first.Origin), [$"labels: {{{first.Labels}}}"])
            {
                Annotations = context.AnnotationsOf(first),
            };
        }
    }
}
