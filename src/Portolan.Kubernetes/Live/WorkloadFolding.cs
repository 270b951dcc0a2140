using System.Collections.Immutable;
using Portolan.Core.Model;

namespace Portolan.Kubernetes.Live;

/// <summary>
/// A live cluster holds a Deployment, its ReplicaSets and their pods. Running pods are the truth
/// (they have IPs); each is reported under its top controller (ReplicaSet → Deployment, Job →
/// CronJob), as a manifest names it. A workload's template stands in only while it has no running
/// pods (a CronJob between runs, a Deployment scaled to zero), and only for a top-level workload.
/// </summary>
public static class WorkloadFolding
{
    private const int MaxDepth = 8;

    public static Cluster Fold(Cluster cluster, IReadOnlyDictionary<WorkloadRef, WorkloadRef> controllers, ImmutableHashSet<string> templateUrls)
    {
        var running = new List<Pod>();
        var templates = new List<Pod>();
        foreach (var pod in cluster.Pods)
        {
            if (templateUrls.Contains(pod.Origin.File)) templates.Add(pod);
            else running.Add(Top(pod, controllers));
        }
        var covered = running.Select(p => p.Workload).ToHashSet();
        var kept = templates.Where(t => !controllers.ContainsKey(t.Workload) && !covered.Contains(t.Workload));
        return cluster with { Pods = [.. running, .. kept] };
    }

    /// <summary>A running pod reported under its top controller.</summary>
    public static Pod Top(Pod pod, IReadOnlyDictionary<WorkloadRef, WorkloadRef> controllers)
    {
        var workload = pod.Workload;
        for (int i = 0; i < MaxDepth && controllers.TryGetValue(workload, out var owner); i++) workload = owner;
        return workload == pod.Workload ? pod : pod with { Workload = workload };
    }
}
