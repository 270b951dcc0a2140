using System.Collections.Immutable;
using Portolan.Core.Model;

namespace Portolan.Core.Analysis.Compressed;

/// <summary>
/// The analysed state of a cluster and the changes applied to it (issue 4, used by the admission
/// webhook). A policy change re-evaluates only the classes its old or new subject selects, and
/// reports the connections it opens or closes; new ports cut the atoms in place; a change that needs
/// new classes or address ranges rebuilds the state (and says so).
/// </summary>
/// <param name="extraCuts">More external-range boundaries, kept through rebuilds (e.g. the ranges guardrails name).</param>
public sealed partial class IncrementalAnalysis(Cluster cluster, IPBlockScope scope, IReadOnlyCollection<Sets.AddressSet>? extraCuts = null)
{
    public CompressedEngine Engine { get; private set; } = new(cluster, scope, extraCuts);

    public Cluster Cluster => Engine.Cluster;

    public ConnectivityResult Result()
    {
        var report = new CompressedReport(Engine);
        return new ConnectivityResult(report.Peers, [.. report.Connections()], report.Warnings);
    }

    public ChangeResult Apply(Change change)
    {
        var (old, replacement) = Sides(change);
        if (change is PolicyRemoved or PolicyChanged && !Cluster.Policies.Contains(old!, ReferenceEqualityComparer.Instance))
            throw new ArgumentException($"{old!.DisplayName} is not part of the analysed state", nameof(change));
        if (change is PolicyAdded or PolicyRemoved or PolicyChanged && (replacement is null || Engine.FitsAddresses(replacement)) && KeepsRanges(old, replacement))
        {
            // A port no rule used before cuts atoms in place (rows carry over); only new address ranges rebuild.
            if (replacement is not null) Engine.CutAtoms(replacement);
            return UpdateInPlace(old, replacement);
        }
        return Rebuild(change);
    }

    private static (Policy? Old, Policy? New) Sides(Change change) => change switch
    {
        PolicyAdded a => (null, a.Policy),
        PolicyRemoved r => (r.Policy, null),
        PolicyChanged c => (c.Old, c.New),
        _ => (null, null),
    };

    private static void Differences(BitSet into, BitSet before, BitSet after)
    {
        if (ReferenceEquals(before, after)) return;
        var target = into.Words;
        var a = before.Words;
        var b = after.Words;
        for (int i = 0; i < target.Length; i++) target[i] |= a[i] ^ b[i];
    }

    // External ranges are cut at every address block; dropping the last use of a block must re-cut them.
    private bool KeepsRanges(Policy? old, Policy? replacement)
    {
        if (old is null || !old.Ingress.Concat(old.Egress).SelectMany(r => r.Peers).Any(p => p is IPBlockPeer or NodePeer)) return true;
        var remaining = Cluster.Policies.Where(p => !ReferenceEquals(p, old)).Append(replacement).OfType<Policy>().ToList();
        bool Kept(Func<Policy, IEnumerable<Rule>> rules)
        {
            var peers = remaining.SelectMany(rules).SelectMany(r => r.Peers).ToHashSet();
            return rules(old).SelectMany(r => r.Peers).All(peer => peer is not (IPBlockPeer or NodePeer) || peers.Contains(peer));
        }
        // Source ranges are cut by ingress blocks, destination ranges by egress blocks.
        return Kept(p => p.Ingress) && Kept(p => p.Egress);
    }

    private ChangeResult UpdateInPlace(Policy? old, Policy? replacement)
    {
        var engine = Engine;
        var affected = new HashSet<int>();
        foreach (var policy in new[] { old, replacement })
        {
            if (policy is not null) affected.UnionWith(engine.SelectionSet(policy.Subject).Indices().Where(c => c < engine.ClassCount));
        }
        var before = engine.Snapshot(affected);
        engine.ReplacePolicy(old, replacement);
        var opened = new List<(int S, int D, List<int> Atoms)>();
        var closed = new List<(int S, int D, List<int> Atoms)>();
        void Compare(int s, int d)
        {
            if (s == d && s >= engine.ClassCount) return;
            List<int>? up = null, down = null;
            for (int k = 0; k < engine.Atoms.Count; k++)
            {
                var was = engine.AllowsBefore(before, s, d, k);
                var now = engine.Allows(s, d, k);
                if (now && !was) (up ??= []).Add(k);
                else if (was && !now) (down ??= []).Add(k);
            }
            if (up is not null) opened.Add((s, d, up));
            if (down is not null) closed.Add((s, d, down));
        }
        // Only endpoints whose bit differs between a class's old and new rows can change: scan those.
        var candidates = new BitSet(engine.EndpointCount);
        foreach (var c in affected.Order())
        {
            var (oldEgress, oldIngress) = before[c];
            candidates.Clear();
            for (int k = 0; k < engine.Atoms.Count; k++) Differences(candidates, oldEgress[k], engine.Egress[c][k]);
            foreach (var e in candidates.Indices())
            {
                // Source atoms only send: never a destination.
                if (e < engine.FirstSourceAtom || e >= engine.FirstDestinationAtom) Compare(c, e);
            }
            candidates.Clear();
            for (int k = 0; k < engine.Atoms.Count; k++) Differences(candidates, oldIngress[k], engine.Ingress[c][k]);
            foreach (var e in candidates.Indices())
            {
                // Destination atoms only receive. A pair of two affected classes may be compared twice; merging dedupes.
                if (e < engine.FirstDestinationAtom) Compare(e, c);
            }
        }
        return new ChangeResult(engine.Cluster, Connections(opened), Connections(closed), [.. affected.Order()], Rebuilt: false);
    }

    private ChangeResult Rebuild(Change change)
    {
        var before = Result();
        var cluster = Cluster;
        cluster = change switch
        {
            PolicyAdded a => cluster with { Policies = cluster.Policies.Add(a.Policy) },
            PolicyChanged c => cluster with { Policies = cluster.Policies.Replace(c.Old, c.New, ReferenceEqualityComparer.Instance) },
            PodAdded p => cluster with { Pods = cluster.Pods.Add(p.Pod) },
            PodRemoved p => cluster with { Pods = cluster.Pods.Remove(p.Pod, ReferenceEqualityComparer.Instance) },
            _ => cluster,
        };
        Engine = new CompressedEngine(cluster, Engine.Matcher.Scope, extraCuts);
        var after = Result();
        var (opened, closed) = ConnectivityDelta.Between(before, after);
        return new ChangeResult(cluster, opened, closed, [.. Enumerable.Range(0, Engine.ClassCount)], Rebuilt: true);
    }

    // A class may hold pods of several workloads (identical templates), and a workload may span alike
    // classes: expand to workloads, then merge what lands on the same pair.
    private ImmutableArray<Connection> Connections(List<(int S, int D, List<int> Atoms)> changes)
    {
        var merged = new Dictionary<(string, string), Connection>();
        foreach (var (s, d, atoms) in changes)
        {
            var set = Engine.Atoms.SetOf(atoms);
            foreach (var source in PeersOf(s))
            {
                foreach (var destination in PeersOf(d))
                {
                    if (source == destination) continue;
                    var key = (source.Name, destination.Name);
                    merged[key] = merged.TryGetValue(key, out var existing)
                        ? existing with { Allowed = existing.Allowed.Union(set) }
                        : new Connection(source, destination, set);
                }
            }
        }
        return [.. merged.Values.OrderBy(c => c.Source.Name, StringComparer.Ordinal).ThenBy(c => c.Destination.Name, StringComparer.Ordinal)];
    }

    private IEnumerable<ReportPeer> PeersOf(int endpoint) => endpoint < Engine.ClassCount
        ? Engine.Classes[endpoint].Members.Select(p => p.Workload).Distinct().Select(w => (ReportPeer)new WorkloadPeer(w))
        : [Engine.Endpoints[endpoint] is ExternalEndpoint e ? new ExternalPeer(e.Addresses) : throw new InvalidOperationException()];
}
