using System.Collections.Immutable;
using Portolan.Core.Model;

namespace Portolan.Core.Analysis.Compressed;

/// <summary>
/// The analysed state of a cluster and the changes applied to it (issue 4, used by the admission
/// webhook). A policy change re-evaluates only the classes its old or new subject selects, and
/// reports the connections it opens or closes; a change that needs new classes, atoms or address
/// ranges rebuilds the state (and says so).
/// </summary>
public sealed class IncrementalAnalysis(Cluster cluster, IPBlockScope scope)
{
    public CompressedEngine Engine { get; private set; } = new(cluster, scope);

    public Cluster Cluster => Engine.Cluster;

    public ConnectivityResult Result()
    {
        var report = new CompressedReport(Engine);
        return new ConnectivityResult(report.Peers, [.. report.Connections()], report.Warnings);
    }

    public ChangeResult Apply(Change change)
    {
        var (old, replacement) = change switch
        {
            PolicyAdded a => ((Policy?)null, (Policy?)a.Policy),
            PolicyRemoved r => (r.Policy, null),
            PolicyChanged c => (c.Old, c.New),
            _ => (null, null),
        };
        if (change is PolicyRemoved or PolicyChanged && !Cluster.Policies.Contains(old!, ReferenceEqualityComparer.Instance))
            throw new ArgumentException($"{old!.DisplayName} is not part of the analysed state", nameof(change));
        if (change is PolicyAdded or PolicyRemoved or PolicyChanged && (replacement is null || Engine.Fits(replacement)))
            return UpdateInPlace(old, replacement);
        return Rebuild(change);
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
        foreach (var c in affected.Order())
        {
            for (int e = 0; e < engine.EndpointCount; e++)
            {
                Compare(c, e);
                if (!affected.Contains(e)) Compare(e, c);
            }
        }
        return new ChangeResult(engine.Cluster, Connections(opened), Connections(closed), affected.Count, Rebuilt: false);
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
        Engine = new CompressedEngine(cluster, Engine.Matcher.Scope);
        var after = Result();
        var (opened, closed) = ConnectivityDelta.Between(before, after);
        return new ChangeResult(cluster, opened, closed, Engine.ClassCount, Rebuilt: true);
    }

    // A class may hold pods of several workloads (identical templates): a change opens or closes for each of them.
    private ImmutableArray<Connection> Connections(List<(int S, int D, List<int> Atoms)> changes) =>
        [.. changes.SelectMany(x =>
            {
                var set = Engine.Atoms.SetOf(x.Atoms);
                return PeersOf(x.S).SelectMany(s => PeersOf(x.D).Where(d => d != s).Select(d => new Connection(s, d, set)));
            })
            .OrderBy(c => c.Source.Name, StringComparer.Ordinal).ThenBy(c => c.Destination.Name, StringComparer.Ordinal)];

    private IEnumerable<ReportPeer> PeersOf(int endpoint) => endpoint < Engine.ClassCount
        ? Engine.Classes[endpoint].Members.Select(p => p.Workload).Distinct().Select(w => (ReportPeer)new WorkloadPeer(w))
        : [Engine.Endpoints[endpoint] is ExternalEndpoint e ? new ExternalPeer(e.Addresses) : throw new InvalidOperationException()];
}
