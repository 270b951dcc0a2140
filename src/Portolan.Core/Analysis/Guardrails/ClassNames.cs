using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Model;

namespace Portolan.Core.Analysis.Guardrails;

/// <summary>
/// How violations name each class of an engine: its workloads, or pod by pod for a workload whose pods
/// fall in several classes (so no name stands for two classes); and the first pod of each name.
/// </summary>
internal sealed record ClassNames(ImmutableArray<ReportPeer>[] Peers, IReadOnlyDictionary<ReportPeer, Pod> FirstPod)
{
    // An engine's classes never change (a change that needs new ones builds a new engine), so neither do
    // their names: the webhook's previews of one state reuse them instead of walking every pod per review.
    private static readonly ConditionalWeakTable<CompressedEngine, ClassNames> Cache = [];

    public static ClassNames Of(CompressedEngine engine) => Cache.GetValue(engine, Build);

    private static ClassNames Build(CompressedEngine engine)
    {
        var classesOf = new Dictionary<WorkloadRef, HashSet<int>>();
        foreach (var c in engine.Classes)
        {
            foreach (var pod in c.Members)
            {
                if (!classesOf.TryGetValue(pod.Workload, out var set)) classesOf[pod.Workload] = set = [];
                set.Add(c.Index);
            }
        }
        var firstPod = new Dictionary<ReportPeer, Pod>();
        ReportPeer PeerOf(Pod pod)
        {
            var peer = new WorkloadPeer(classesOf[pod.Workload].Count > 1 ? pod.AsOwnWorkload : pod.Workload);
            firstPod.TryAdd(peer, pod);
            return peer;
        }
        var peers = engine.Classes.Select(c => c.Members.Select(PeerOf).Distinct().OrderBy(p => p.Name, StringComparer.Ordinal).ToImmutableArray()).ToArray();
        return new ClassNames(peers, firstPod);
    }
}
