using System.Collections.Immutable;
using System.Numerics;

namespace Portolan.Core.Sets;

/// <summary>
/// An immutable set of integers kept in canonical form: intervals sorted, non-overlapping and
/// non-touching. Canonical form makes equality structural, so two sets with the same members are equal.
/// </summary>
public sealed class IntervalSet<T> : IEquatable<IntervalSet<T>>
    where T : IBinaryInteger<T>, IMinMaxValue<T>
{
    private readonly ImmutableArray<Interval<T>> _intervals;

    private IntervalSet(ImmutableArray<Interval<T>> canonical) => _intervals = canonical;

    public static IntervalSet<T> Empty { get; } = new([]);

    public ImmutableArray<Interval<T>> Intervals => _intervals;

    public bool IsEmpty => _intervals.IsEmpty;

    public static IntervalSet<T> Of(T start, T end) =>
        start > end ? Empty : new([new Interval<T>(start, end)]);

    public static IntervalSet<T> Single(T value) => Of(value, value);

    /// <summary>Builds a canonical set from intervals in any order, overlapping or touching.</summary>
    public static IntervalSet<T> FromIntervals(IEnumerable<Interval<T>> intervals)
    {
        var sorted = intervals.Where(i => i.Start <= i.End).OrderBy(i => i.Start).ToList();
        var result = ImmutableArray.CreateBuilder<Interval<T>>(sorted.Count);
        foreach (var next in sorted)
        {
            if (result.Count > 0 && Touches(result[^1], next))
            {
                var last = result[^1];
                result[^1] = last with { End = T.Max(last.End, next.End) };
            }
            else
            {
                result.Add(next);
            }
        }
        return result.Count == 0 ? Empty : new(result.ToImmutable());
    }

    // Intervals a and b (a.Start <= b.Start) merge when they overlap or are adjacent.
    private static bool Touches(Interval<T> a, Interval<T> b) =>
        a.End == T.MaxValue || b.Start <= a.End + T.One;

    public bool Contains(T value)
    {
        int lo = 0, hi = _intervals.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var interval = _intervals[mid];
            if (value < interval.Start) hi = mid - 1;
            else if (value > interval.End) lo = mid + 1;
            else return true;
        }
        return false;
    }

    public IntervalSet<T> Union(IntervalSet<T> other)
    {
        if (other.IsEmpty) return this;
        if (IsEmpty) return other;
        return FromIntervals(_intervals.Concat(other._intervals));
    }

    public IntervalSet<T> Intersect(IntervalSet<T> other)
    {
        if (IsEmpty || other.IsEmpty) return Empty;
        var result = ImmutableArray.CreateBuilder<Interval<T>>();
        int i = 0, j = 0;
        while (i < _intervals.Length && j < other._intervals.Length)
        {
            var a = _intervals[i];
            var b = other._intervals[j];
            var start = T.Max(a.Start, b.Start);
            var end = T.Min(a.End, b.End);
            if (start <= end) result.Add(new Interval<T>(start, end));
            if (a.End < b.End) i++; else j++;
        }
        return result.Count == 0 ? Empty : new(result.ToImmutable());
    }

    public IntervalSet<T> Subtract(IntervalSet<T> other)
    {
        if (IsEmpty || other.IsEmpty) return this;
        var result = ImmutableArray.CreateBuilder<Interval<T>>();
        int j = 0;
        foreach (var a in _intervals)
        {
            var start = a.Start;
            var open = true;
            while (j < other._intervals.Length && other._intervals[j].End < start) j++;
            for (int k = j; k < other._intervals.Length && other._intervals[k].Start <= a.End; k++)
            {
                var b = other._intervals[k];
                if (b.Start > start) result.Add(new Interval<T>(start, b.Start - T.One));
                if (b.End >= a.End) { open = false; break; }
                start = b.End + T.One;
            }
            if (open) result.Add(new Interval<T>(start, a.End));
        }
        return result.Count == 0 ? Empty : new(result.ToImmutable());
    }

    public bool IsSubsetOf(IntervalSet<T> other) => Subtract(other).IsEmpty;

    public bool Overlaps(IntervalSet<T> other) => !Intersect(other).IsEmpty;

    public bool Equals(IntervalSet<T>? other) =>
        other is not null && _intervals.AsSpan().SequenceEqual(other._intervals.AsSpan());

    public override bool Equals(object? obj) => Equals(obj as IntervalSet<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var interval in _intervals) hash.Add(interval);
        return hash.ToHashCode();
    }

    public override string ToString() =>
        string.Join(",", _intervals.Select(i => i.Start == i.End ? $"{i.Start}" : $"{i.Start}-{i.End}"));
}
