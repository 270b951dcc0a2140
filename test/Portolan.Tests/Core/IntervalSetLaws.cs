using System.Numerics;
using CsCheck;
using Portolan.Core.Sets;

namespace Portolan.Tests.Core;

/// <summary>
/// The laws of <see cref="IntervalSet{T}"/>, checked once per element type. Two models: a bitmap over a
/// 201-value window (placed at the type's edges too, so overflow shows), and the raw interval list a
/// set was built from, probed at every endpoint ±1 over the full range.
/// </summary>
public abstract class IntervalSetLaws<T>
    where T : IBinaryInteger<T>, IMinMaxValue<T>
{
    private const int Width = 201;

    /// <summary>Where windows start: always the minimum and a window ending at the maximum.</summary>
    protected abstract T[] WindowStarts { get; }

    /// <summary>Uniform values over the whole type.</summary>
    protected abstract Gen<T> AnyValue { get; }

    private static T At(T start, int offset) => start + T.CreateTruncating(offset);

    public sealed record Windowed(T Start, (int From, int To)[] Raw)
    {
        public IntervalSet<T> Set { get; } = IntervalSet<T>.FromIntervals(Raw.Select(r => new Interval<T>(At(Start, r.From), At(Start, r.To))));

        public bool[] Model { get; } = Enumerable.Range(0, Width).Select(k => Raw.Any(r => r.From <= k && k <= r.To)).ToArray();

        public override string ToString() => $"[{string.Join(" ", Raw.Select(r => $"{r.From}..{r.To}"))}] at {Start} = {{{Set}}}";
    }

    private Gen<T> WindowStart => Gen.OneOf(WindowStarts);

    // Intervals are offsets into the window; some are empty (From > To) on purpose.
    private static Gen<(int, int)[]> RawIntervals =>
        Gen.Select(Gen.Int[0, Width - 1], Gen.Int[-3, 60]).Select((from, length) => (from, Math.Clamp(from + length, 0, Width - 1))).Array[0, 6];

    private Gen<(Windowed A, Windowed B, Windowed C)> ThreeInOneWindow =>
        WindowStart.SelectMany(start => Gen.Select(RawIntervals, RawIntervals, RawIntervals)
            .Select((a, b, c) => (new Windowed(start, a), new Windowed(start, b), new Windowed(start, c))));

    private static IntervalSet<T> WindowUniverse(T start) => IntervalSet<T>.Of(start, At(start, Width - 1));

    private static IntervalSet<T> Full => IntervalSet<T>.Of(T.MinValue, T.MaxValue);

    internal static void AssertCanonical(IntervalSet<T> set)
    {
        var intervals = set.Intervals;
        for (int i = 0; i < intervals.Length; i++)
        {
            Assert.True(intervals[i].Start <= intervals[i].End, $"inverted interval in {set}");
            if (i == 0) continue;
            var previous = intervals[i - 1];
            // Sorted, disjoint and with a gap; the first test guarantees previous.End + 1 does not overflow.
            Assert.True(previous.End < intervals[i].Start && previous.End + T.One < intervals[i].Start, $"not canonical: {set}");
        }
    }

    private static void AssertMatchesModel(IntervalSet<T> set, T start, Func<int, bool> model, string what)
    {
        AssertCanonical(set);
        for (int k = 0; k < Width; k++)
        {
            if (set.Contains(At(start, k)) != model(k)) Assert.Fail($"{what}: Contains(start+{k}) is {!model(k)} in {{{set}}}");
        }
    }

    [Fact]
    public void Construction_is_canonical_and_Contains_agrees_with_the_bitmap() =>
        WindowStart.SelectMany(start => RawIntervals.Select(raw => new Windowed(start, raw))).Sample(w =>
        {
            AssertMatchesModel(w.Set, w.Start, k => w.Model[k], "set");
            if (w.Start != T.MinValue) Assert.False(w.Set.Contains(w.Start - T.One));
            if (At(w.Start, Width - 1) != T.MaxValue) Assert.False(w.Set.Contains(At(w.Start, Width)));
            Assert.Equal(w.Model.All(m => !m), w.Set.IsEmpty);
        }, iter: 500);

    [Fact]
    public void Union_intersection_and_difference_agree_with_the_bitmap() =>
        ThreeInOneWindow.Sample((a, b, _) =>
        {
            AssertMatchesModel(a.Set.Union(b.Set), a.Start, k => a.Model[k] || b.Model[k], "union");
            AssertMatchesModel(a.Set.Intersect(b.Set), a.Start, k => a.Model[k] && b.Model[k], "intersection");
            AssertMatchesModel(a.Set.Subtract(b.Set), a.Start, k => a.Model[k] && !b.Model[k], "difference");
            AssertMatchesModel(WindowUniverse(a.Start).Subtract(a.Set), a.Start, k => !a.Model[k], "complement");
            var modelSubset = Enumerable.Range(0, Width).All(k => !a.Model[k] || b.Model[k]);
            var modelOverlap = Enumerable.Range(0, Width).Any(k => a.Model[k] && b.Model[k]);
            Assert.Equal(modelSubset, a.Set.IsSubsetOf(b.Set));
            Assert.Equal(modelOverlap, a.Set.Overlaps(b.Set));
        }, iter: 500);

    [Fact]
    public void Union_and_intersection_are_commutative_and_associative() =>
        ThreeInOneWindow.Sample((a, b, c) =>
        {
            Assert.Equal(a.Set.Union(b.Set), b.Set.Union(a.Set));
            Assert.Equal(a.Set.Intersect(b.Set), b.Set.Intersect(a.Set));
            Assert.Equal(a.Set.Union(b.Set).Union(c.Set), a.Set.Union(b.Set.Union(c.Set)));
            Assert.Equal(a.Set.Intersect(b.Set).Intersect(c.Set), a.Set.Intersect(b.Set.Intersect(c.Set)));
        }, iter: 500);

    [Fact]
    public void Union_and_intersection_distribute_over_each_other() =>
        ThreeInOneWindow.Sample((a, b, c) =>
        {
            Assert.Equal(a.Set.Intersect(b.Set.Union(c.Set)), a.Set.Intersect(b.Set).Union(a.Set.Intersect(c.Set)));
            Assert.Equal(a.Set.Union(b.Set.Intersect(c.Set)), a.Set.Union(b.Set).Intersect(a.Set.Union(c.Set)));
        }, iter: 500);

    [Fact]
    public void De_Morgan_holds_relative_to_the_window_and_to_the_whole_type() =>
        ThreeInOneWindow.Sample((a, b, _) =>
        {
            foreach (var universe in new[] { WindowUniverse(a.Start), Full })
            {
                Assert.Equal(universe.Subtract(a.Set.Union(b.Set)), universe.Subtract(a.Set).Intersect(universe.Subtract(b.Set)));
                Assert.Equal(universe.Subtract(a.Set.Intersect(b.Set)), universe.Subtract(a.Set).Union(universe.Subtract(b.Set)));
                Assert.Equal(a.Set, universe.Subtract(universe.Subtract(a.Set)));
            }
        }, iter: 500);

    [Fact]
    public void Subtract_is_intersection_with_the_complement() =>
        ThreeInOneWindow.Sample((a, b, _) =>
        {
            Assert.Equal(a.Set.Subtract(b.Set), a.Set.Intersect(Full.Subtract(b.Set)));
            Assert.Equal(a.Set.Subtract(b.Set), a.Set.Intersect(WindowUniverse(a.Start).Subtract(b.Set)));
        }, iter: 500);

    [Fact]
    public void Equality_is_structural() =>
        ThreeInOneWindow.Sample((a, b, _) =>
        {
            Assert.Equal(a.Model.SequenceEqual(b.Model), a.Set.Equals(b.Set));
            // The same members built another way: one singleton per member, unioned in reverse order.
            var rebuilt = Enumerable.Range(0, Width).Reverse().Where(k => a.Model[k])
                .Aggregate(IntervalSet<T>.Empty, (set, k) => set.Union(IntervalSet<T>.Single(At(a.Start, k))));
            Assert.Equal(a.Set, rebuilt);
            Assert.Equal(a.Set.GetHashCode(), rebuilt.GetHashCode());
            Assert.True(a.Set.Equals((object)rebuilt));
            Assert.Equal(a.Set.ToString(), rebuilt.ToString());
        }, iter: 300);

    // Full range: endpoints cluster at the type's edges, where "End + 1" and "Start - 1" overflow.
    private Gen<T> EdgeBiased => Gen.Frequency(
        (3, (IGen<T>)Gen.OneOf(T.MinValue, T.MinValue + T.One, T.Zero, T.One, T.MaxValue - T.One, T.MaxValue)),
        (2, AnyValue));

    private Gen<Interval<T>[]> FullRangeIntervals => Gen.Select(EdgeBiased, EdgeBiased)
        .Select((x, y) => x <= y ? new Interval<T>(x, y) : new Interval<T>(y, x)).Array[0, 5];

    private static IEnumerable<T> Probes(IEnumerable<Interval<T>> intervals)
    {
        yield return T.MinValue;
        yield return T.MaxValue;
        foreach (var i in intervals)
        {
            yield return i.Start;
            yield return i.End;
            if (i.Start != T.MinValue) yield return i.Start - T.One;
            if (i.End != T.MaxValue) yield return i.End + T.One;
        }
    }

    [Fact]
    public void Full_range_operations_agree_with_the_raw_intervals_at_every_edge() =>
        Gen.Select(FullRangeIntervals, FullRangeIntervals).Sample((rawA, rawB) =>
        {
            var a = IntervalSet<T>.FromIntervals(rawA);
            var b = IntervalSet<T>.FromIntervals(rawB);
            bool InA(T x) => rawA.Any(i => i.Contains(x));
            bool InB(T x) => rawB.Any(i => i.Contains(x));
            var union = a.Union(b);
            var intersection = a.Intersect(b);
            var difference = a.Subtract(b);
            var complement = Full.Subtract(a);
            foreach (var set in new[] { a, b, union, intersection, difference, complement }) AssertCanonical(set);
            foreach (var x in Probes(rawA.Concat(rawB)))
            {
                Assert.Equal(InA(x), a.Contains(x));
                Assert.Equal(InA(x) || InB(x), union.Contains(x));
                Assert.Equal(InA(x) && InB(x), intersection.Contains(x));
                Assert.Equal(InA(x) && !InB(x), difference.Contains(x));
                Assert.Equal(!InA(x), complement.Contains(x));
            }
            Assert.Equal(a, Full.Subtract(complement));
            Assert.Equal(Full, a.Union(complement));
            Assert.True(a.Intersect(complement).IsEmpty);
        }, iter: 1000, print: t => $"A=[{string.Join(" ", t.Item1)}] B=[{string.Join(" ", t.Item2)}]");

    private static void AssertIntervals(IntervalSet<T> set, params (T Start, T End)[] expected) =>
        Assert.Equal(expected.Select(e => new Interval<T>(e.Start, e.End)), set.Intervals.AsEnumerable());

    [Fact]
    public void Edges_of_the_type_merge_and_split_without_overflow()
    {
        var max = T.MaxValue;
        var min = T.MinValue;
        AssertIntervals(IntervalSet<T>.Single(max).Union(IntervalSet<T>.Single(max - T.One)), (max - T.One, max));
        AssertIntervals(IntervalSet<T>.Single(min).Union(IntervalSet<T>.Single(min + T.One)), (min, min + T.One));
        AssertIntervals(IntervalSet<T>.FromIntervals([new(max, max), new(min, min)]), (min, min), (max, max));
        AssertIntervals(IntervalSet<T>.FromIntervals([new(max, max), new(min, max - T.One)]), (min, max));
        AssertIntervals(Full.Subtract(IntervalSet<T>.Single(max)), (min, max - T.One));
        AssertIntervals(Full.Subtract(IntervalSet<T>.Single(min)), (min + T.One, max));
        AssertIntervals(Full.Subtract(IntervalSet<T>.Of(min + T.One, max - T.One)), (min, min), (max, max));
        AssertIntervals(IntervalSet<T>.Of(min, min + T.One).Intersect(IntervalSet<T>.Of(min + T.One, max)), (min + T.One, min + T.One));
        Assert.True(Full.Subtract(Full).IsEmpty);
        Assert.True(IntervalSet<T>.Of(max, min).IsEmpty);
        Assert.True(Full.Contains(min) && Full.Contains(max));
        Assert.Equal(IntervalSet<T>.Empty, Full.Intersect(IntervalSet<T>.Empty));
    }
}

public sealed class IntervalSetLawsOfInt32 : IntervalSetLaws<int>
{
    protected override int[] WindowStarts => [int.MinValue, -100, 0, int.MaxValue - 200];

    protected override Gen<int> AnyValue => Gen.Int;
}

public sealed class IntervalSetLawsOfUInt32 : IntervalSetLaws<uint>
{
    protected override uint[] WindowStarts => [uint.MinValue, 1u << 31, uint.MaxValue - 200];

    protected override Gen<uint> AnyValue => Gen.UInt;
}

public sealed class IntervalSetLawsOfUInt128 : IntervalSetLaws<UInt128>
{
    protected override UInt128[] WindowStarts => [UInt128.MinValue, UInt128.One << 64, UInt128.MaxValue - 200];

    protected override Gen<UInt128> AnyValue => Gen.UInt128;
}
