using System.Collections.Immutable;
using Portolan.Core.Model;
using Portolan.Core.Selectors;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis.Lint;

/// <summary>
/// Workloads whose egress is restricted so that UDP 53 to the cluster DNS is denied (semantics §7.5). DNS is the
/// kube-system pods labelled k8s-app=kube-dns; when the input has none, a stand-in pod with those labels and the
/// usual ports, so "to kube-system", "to k8s-app=kube-dns" and "to any destination on 53" all count.
/// </summary>
public static class Dns
{
    public const string Namespace = "kube-system";

    public static IEnumerable<LintFinding> Find(LintContext context)
    {
        // Findings about workloads, never about a policy.
        if (context.Focused) yield break;
        var targets = Targets(context.Cluster);
        var engine = context.Engine;
        var egressPolicies = context.Cluster.Policies.Where(p => p.AffectsEgress).ToList();
        var denied = new List<(Pod Pod, List<Policy> Policies)>();
        for (int c = 0; c < engine.ClassCount; c++)
        {
            var isolating = egressPolicies.Where(p => engine.SelectionSet(p.Subject)[c]).ToList();
            if (isolating.Count == 0) continue;
            var subject = engine.Classes[c].Representative;
            if (targets.Any(t => context.Evaluator.Allowed(subject, Direction.Egress, t).Contains(Protocol.UDP, 53))) continue;
            denied.AddRange(engine.Classes[c].Members.Select(p => (p, isolating)));
        }
        foreach (var workload in denied.GroupBy(d => d.Pod.Workload))
        {
            var (pod, policies) = workload.OrderBy(d => d.Pod.Origin.File, StringComparer.Ordinal).ThenBy(d => d.Pod.Origin.Line).First();
            var ordered = policies.OrderBy(p => p.Tier).ThenBy(p => p.Priority).ThenBy(p => p.DisplayName, StringComparer.Ordinal).ToList();
            yield return new LintFinding(LintCatalogue.EgressBlocksDns,
                $"cannot resolve names: its egress is restricted and UDP 53 to {Namespace}/kube-dns is denied",
                LintContext.ObjectName(workload.Key), LintContext.Located(pod.Origin, pod.Origin),
                [$"egress restricted by: {string.Join(", ", ordered.Select(p => $"{p.DisplayName} ({p.Origin})"))}"])
            {
                Annotations = [.. context.AnnotationsOf(pod), .. ordered.Select(p => p.Annotations)],
            };
        }
    }

    /// <summary>The DNS pods of the input, or the stand-in.</summary>
    public static ImmutableArray<PodEndpoint> Targets(Cluster cluster)
    {
        var labels = cluster.NamespaceLabels(Namespace);
        var real = cluster.Pods.Where(p => p.Namespace == Namespace && p.Labels.TryGetValue("k8s-app", out var app) && app == "kube-dns").ToList();
        if (real.Count > 0) return [.. real.Select(p => new PodEndpoint(p, labels))];
        var standIn = new Pod(Namespace, "kube-dns", Labels.Empty.With("k8s-app", "kube-dns"),
            [new ContainerPort("dns", 53, Protocol.UDP), new ContainerPort("dns-tcp", 53, Protocol.TCP), new ContainerPort("metrics", 9153, Protocol.TCP)],
            [], new WorkloadRef(Namespace, "kube-dns", "Deployment"), SourceLocation.None);
        return [new PodEndpoint(standIn, labels)];
    }
}
