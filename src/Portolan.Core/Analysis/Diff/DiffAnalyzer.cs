using System.Collections.Immutable;
using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis.Diff;

/// <summary>
/// Compares the connectivity of two clusters. Both are analysed with the external address space cut
/// on the union of both sides' boundaries, so an address range means the same on either side
/// (conformance README, diff); the comparison then merges touching ranges that changed alike.
/// </summary>
public sealed class DiffAnalyzer
{
    public DiffAnalyzer(Cluster before, Cluster after, IPBlockScope scope)
    {
        Before = new ConnectivityAnalyzer(before, scope, Boundaries(after, scope));
        After = new ConnectivityAnalyzer(after, scope, Boundaries(before, scope));
    }

    public ConnectivityAnalyzer Before { get; }

    public ConnectivityAnalyzer After { get; }

    public ConnectivityDiff Analyze() => Compare(Before.Analyze(), After.Analyze());

    /// <summary>Every address set a policy's peers name (ipBlocks, networks, nodes): where atoms start and end.</summary>
    public static ImmutableArray<AddressSet> Boundaries(Cluster cluster, IPBlockScope scope)
    {
        var matcher = new RuleMatcher(cluster, scope);
        return [.. cluster.Policies
            .SelectMany(p => p.Ingress.Concat(p.Egress))
            .SelectMany(r => r.Peers)
            .Select(peer => ExternalAtoms.AddressesOf(peer, matcher))
            .OfType<AddressSet>()];
    }

    /// <summary>
    /// Compares two results whose external atoms were cut on common boundaries (as <see cref="Analyze"/>
    /// does). External ranges are compared where addresses are external on both sides: an address
    /// that is a pod on either side (scope All) belongs to a workload, not to a range.
    /// </summary>
    public static ConnectivityDiff Compare(ConnectivityResult before, ConnectivityResult after)
    {
        var beforeWorkloads = Workloads(before);
        var afterWorkloads = Workloads(after);
        var added = afterWorkloads.Keys.Where(k => !beforeWorkloads.ContainsKey(k)).ToHashSet(StringComparer.Ordinal);
        var removed = beforeWorkloads.Keys.Where(k => !afterWorkloads.ContainsKey(k)).ToHashSet(StringComparer.Ordinal);

        var entries = new List<DiffEntry>();
        void Add(ReportPeer source, ReportPeer destination, ConnectionSet was, ConnectionSet now)
        {
            ImmutableArray<ReportPeer> oneSided = [.. new[] { source, destination }
                .Where(p => p is WorkloadPeer && (added.Contains(p.Name) || removed.Contains(p.Name)))];
            entries.Add(new DiffEntry(DiffEntry.KindOf(was, now), source, destination, was, now, oneSided));
        }

        var beforePairs = WorkloadPairs(before);
        var afterPairs = WorkloadPairs(after);
        foreach (var (key, was) in beforePairs)
        {
            var now = afterPairs.TryGetValue(key, out var c) ? c.Allowed : ConnectionSet.None;
            if (!was.Allowed.Equals(now)) Add(was.Source, was.Destination, was.Allowed, now);
        }
        foreach (var (key, now) in afterPairs)
        {
            if (!beforePairs.ContainsKey(key)) Add(now.Source, now.Destination, ConnectionSet.None, now.Allowed);
        }

        var space = ExternalSpace(before).Intersect(ExternalSpace(after));
        var beforeRanges = ExternalRanges(before);
        var afterRanges = ExternalRanges(after);
        foreach (var key in beforeRanges.Keys.Union(afterRanges.Keys))
        {
            var peer = afterWorkloads.TryGetValue(key.Workload, out var p) ? p : beforeWorkloads[key.Workload];
            var runs = AddressOverlay.Runs(
                beforeRanges.GetValueOrDefault(key) ?? [], afterRanges.GetValueOrDefault(key) ?? [], space);
            foreach (var (addresses, was, now) in runs)
            {
                var external = new ExternalPeer(addresses);
                if (key.Direction == Direction.Egress) Add(peer, external, was, now);
                else Add(external, peer, was, now);
            }
        }

        entries.Sort((x, y) =>
        {
            var c = x.Kind.CompareTo(y.Kind);
            if (c == 0) c = string.CompareOrdinal(x.Source.Name, y.Source.Name);
            return c != 0 ? c : string.CompareOrdinal(x.Destination.Name, y.Destination.Name);
        });
        return new ConnectivityDiff(
            [.. entries],
            [.. added.Order(StringComparer.Ordinal).Select(k => afterWorkloads[k])],
            [.. removed.Order(StringComparer.Ordinal).Select(k => beforeWorkloads[k])],
            [.. before.Warnings.Select(w => $"before: {w}"), .. after.Warnings.Select(w => $"after: {w}")]);
    }

    private static Dictionary<string, ReportPeer> Workloads(ConnectivityResult result) =>
        result.Peers.OfType<WorkloadPeer>().ToDictionary(p => p.Name, p => (ReportPeer)p, StringComparer.Ordinal);

    private static Dictionary<(string, string), Connection> WorkloadPairs(ConnectivityResult result) =>
        result.Connections.Where(c => c.Source is WorkloadPeer && c.Destination is WorkloadPeer)
            .ToDictionary(c => (c.Source.Name, c.Destination.Name));

    // Egress: the workload is the source; Ingress: the workload is the destination.
    private static Dictionary<(string Workload, Direction Direction), List<(AddressSet, ConnectionSet)>> ExternalRanges(ConnectivityResult result)
    {
        var ranges = new Dictionary<(string, Direction), List<(AddressSet, ConnectionSet)>>();
        foreach (var c in result.Connections)
        {
            var (key, external) = (c.Source, c.Destination) switch
            {
                (WorkloadPeer w, ExternalPeer e) => ((w.Name, Direction.Egress), e),
                (ExternalPeer e, WorkloadPeer w) => ((w.Name, Direction.Ingress), e),
                _ => default,
            };
            if (external is null) continue;
            if (!ranges.TryGetValue(key, out var list)) ranges[key] = list = [];
            list.Add((external.Addresses, c.Allowed));
        }
        return ranges;
    }

    private static AddressSet ExternalSpace(ConnectivityResult result)
    {
        var externals = result.Peers.OfType<ExternalPeer>().Select(p => p.Addresses).ToList();
        return new AddressSet(
            IntervalSet<uint>.FromIntervals(externals.SelectMany(a => a.V4.Intervals)),
            IntervalSet<UInt128>.FromIntervals(externals.SelectMany(a => a.V6.Intervals)));
    }
}
