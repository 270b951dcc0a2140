using System.Collections.Immutable;
using Portolan.Core.Model;

namespace Portolan.Core.Analysis.Compressed;

/// <summary>
/// Turns class-level decisions into the workload-level report: workloads whose classes behave
/// alike print once; others are reported pod by pod with a warning. Connections stream in
/// (source, destination) ordinal order without materialising the whole list.
/// </summary>
public sealed partial class CompressedReport
{
    private readonly CompressedEngine _engine;
    private readonly List<(ReportPeer Peer, int Endpoint)> _sources = [];
    private readonly List<(ReportPeer Peer, int Endpoint)> _destinations = [];

    public CompressedReport(CompressedEngine engine)
    {
        _engine = engine;
        var warnings = ImmutableArray.CreateBuilder<string>();
        var printed = new List<(ReportPeer Peer, int Class)>();
        var byWorkload = new SortedDictionary<string, (WorkloadRef Workload, SortedSet<int> Classes)>(StringComparer.Ordinal);
        foreach (var c in engine.Classes)
        {
            foreach (var pod in c.Members)
            {
                var name = pod.Workload.ToString();
                if (!byWorkload.TryGetValue(name, out var entry)) byWorkload[name] = entry = (pod.Workload, []);
                entry.Classes.Add(c.Index);
            }
        }
        foreach (var (workload, classes) in byWorkload.Values)
        {
            var list = classes.ToList();
            if (list.Count == 1 || list.Skip(1).All(other => Alike(list[0], other, list)))
            {
                printed.Add((new WorkloadPeer(workload), list[0]));
                continue;
            }
            var pods = list.SelectMany(c => engine.Classes[c].Members.Where(p => p.Workload == workload).Select(p => (Pod: p, Class: c)))
                .OrderBy(x => x.Pod.Name, StringComparer.Ordinal).ToList();
            warnings.Add($"pods of {workload} differ in ways that change the result; reported one by one: "
                + string.Join(", ", pods.Select(x => x.Pod.Name)));
            printed.AddRange(pods.Select(x => ((ReportPeer)new WorkloadPeer(x.Pod.AsOwnWorkload), x.Class)));
        }
        Warnings = warnings.ToImmutable();
        _sources.AddRange(printed);
        _destinations.AddRange(printed);
        for (int a = 0; a < engine.SourceAtoms.Length; a++)
            _sources.Add((new ExternalPeer(engine.SourceAtoms[a].Addresses), engine.FirstSourceAtom + a));
        for (int a = 0; a < engine.DestinationAtoms.Length; a++)
            _destinations.Add((new ExternalPeer(engine.DestinationAtoms[a].Addresses), engine.FirstDestinationAtom + a));
        _sources.Sort((x, y) => string.CompareOrdinal(x.Peer.Name, y.Peer.Name));
        _destinations.Sort((x, y) => string.CompareOrdinal(x.Peer.Name, y.Peer.Name));
        WorkloadPeers = printed.Count;
        Peers = [.. _sources.Select(s => s.Peer).Concat(_destinations.Select(d => d.Peer)).Distinct().OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    public ImmutableArray<string> Warnings { get; }

    public ImmutableArray<ReportPeer> Peers { get; }

    /// <summary>The peers that are sources, sorted by name, each with its endpoint in <see cref="Engine"/>.</summary>
    public IReadOnlyList<(ReportPeer Peer, int Endpoint)> Sources => _sources;

    /// <summary>The peers that are destinations, sorted by name, each with its endpoint in <see cref="Engine"/>.</summary>
    public IReadOnlyList<(ReportPeer Peer, int Endpoint)> Destinations => _destinations;

    public CompressedEngine Engine => _engine;

    /// <summary>Workloads (and split pods) as printed.</summary>
    public int WorkloadPeers { get; }

    /// <summary>Decides every pair now (otherwise done on first use), so the time of deciding and writing can be told apart.</summary>
    public void DecideAll() => _ = Reachable;

    // Two classes of one workload are alike when they agree toward and from every endpoint outside it.
    private bool Alike(int a, int b, List<int> workloadClasses)
    {
        for (int e = 0; e < _engine.EndpointCount; e++)
        {
            if (workloadClasses.Contains(e)) continue;
            for (int k = 0; k < _engine.Atoms.Count; k++)
            {
                if (_engine.Allows(a, e, k) != _engine.Allows(b, e, k)) return false;
                if (_engine.Allows(e, a, k) != _engine.Allows(e, b, k)) return false;
            }
        }
        return true;
    }

    /// <summary>Allowed pairs between workloads (external ranges not counted).</summary>
    public long CountWorkloadPairs()
    {
        var classCount = _engine.ClassCount;
        var weight = new int[classCount];
        foreach (var (_, c) in _destinations) if (c < classCount) weight[c]++;
        var present = new BitSet(_engine.EndpointCount);
        var heavy = new List<int>();
        for (int c = 0; c < classCount; c++)
        {
            if (weight[c] > 0) present[c] = true;
            if (weight[c] > 1) heavy.Add(c);
        }
        long total = 0;
        var scratch = new BitSet(_engine.EndpointCount);
        foreach (var (_, s) in _sources)
        {
            if (s >= classCount) continue;
            var row = Reachable[s];
            scratch.CopyFrom(row);
            scratch.And(present);
            total += scratch.PopCount();
            foreach (var h in heavy) if (row[h]) total += weight[h] - 1;
            if (row[s]) total -= 1; // a peer to itself is never a pair
        }
        return total;
    }
}
