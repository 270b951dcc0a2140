using System.Numerics;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis.Diff;

/// <summary>
/// Lays one side's external ranges over the other's for one workload and direction, and yields the
/// maximal runs of addresses where (before, after) is constant and differs (conformance README, diff:
/// touching atoms with the same other peer, ref1 and ref2 are merged). Addresses outside
/// <c>space</c> (pod IPs on either side, under scope All) neither join a run nor split one: a pod
/// that got a new IP is no external change.
/// </summary>
internal static class AddressOverlay
{
    public static IEnumerable<(AddressSet Addresses, ConnectionSet Before, ConnectionSet After)> Runs(
        IReadOnlyList<(AddressSet Addresses, ConnectionSet Allowed)> before,
        IReadOnlyList<(AddressSet Addresses, ConnectionSet Allowed)> after,
        AddressSet space)
    {
        foreach (var (set, b, a) in Runs(Flatten(before, s => s.V4), Flatten(after, s => s.V4), space.V4))
        {
            yield return (new AddressSet(set, IntervalSet<UInt128>.Empty), b, a);
        }
        foreach (var (set, b, a) in Runs(Flatten(before, s => s.V6), Flatten(after, s => s.V6), space.V6))
        {
            yield return (new AddressSet(IntervalSet<uint>.Empty, set), b, a);
        }
    }

    private static List<(Interval<T> Range, ConnectionSet Allowed)> Flatten<T>(
        IReadOnlyList<(AddressSet Addresses, ConnectionSet Allowed)> pieces, Func<AddressSet, IntervalSet<T>> family)
        where T : IBinaryInteger<T>, IMinMaxValue<T> =>
        [.. pieces.SelectMany(p => family(p.Addresses).Intervals.Select(i => (i, p.Allowed))).OrderBy(p => p.i.Start)];

    private static IEnumerable<(IntervalSet<T> Set, ConnectionSet Before, ConnectionSet After)> Runs<T>(
        List<(Interval<T> Range, ConnectionSet Allowed)> before, List<(Interval<T> Range, ConnectionSet Allowed)> after, IntervalSet<T> space)
        where T : IBinaryInteger<T>, IMinMaxValue<T>
    {
        // Every range of either side and of the space starts a segment and ends one; within a segment
        // nothing changes, so one lookup per side decides it.
        var starts = new SortedSet<T>();
        foreach (var range in before.Select(p => p.Range).Concat(after.Select(p => p.Range)).Concat(space.Intervals))
        {
            starts.Add(range.Start);
            if (range.End != T.MaxValue) starts.Add(range.End + T.One);
        }
        var points = starts.ToList();
        int b = 0, a = 0, s = 0;
        var run = new List<Interval<T>>();
        ConnectionSet runBefore = ConnectionSet.None, runAfter = ConnectionSet.None;
        for (int k = 0; k < points.Count; k++)
        {
            var start = points[k];
            var end = k + 1 < points.Count ? points[k + 1] - T.One : T.MaxValue;
            while (s < space.Intervals.Length && space.Intervals[s].End < start) s++;
            if (s == space.Intervals.Length || space.Intervals[s].Start > start) continue;
            var was = Lookup(before, ref b, start) ?? ConnectionSet.None;
            var now = Lookup(after, ref a, start) ?? ConnectionSet.None;
            if (run.Count > 0 && (was.Equals(now) || !was.Equals(runBefore) || !now.Equals(runAfter)))
            {
                yield return (IntervalSet<T>.FromIntervals(run), runBefore, runAfter);
                run.Clear();
            }
            if (was.Equals(now)) continue;
            run.Add(new Interval<T>(start, end));
            (runBefore, runAfter) = (was, now);
        }
        if (run.Count > 0) yield return (IntervalSet<T>.FromIntervals(run), runBefore, runAfter);
    }

    private static ConnectionSet? Lookup<T>(List<(Interval<T> Range, ConnectionSet Allowed)> pieces, ref int index, T point)
        where T : IBinaryInteger<T>, IMinMaxValue<T>
    {
        while (index < pieces.Count && pieces[index].Range.End < point) index++;
        return index < pieces.Count && pieces[index].Range.Start <= point ? pieces[index].Allowed : null;
    }
}
