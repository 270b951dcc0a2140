using System.Collections.Immutable;

namespace Portolan.Core.Selectors;

/// <summary>
/// An immutable label map with structural equality: keys sorted ordinally in a flat array, the hash
/// computed once (label maps are dictionary keys wherever pods are grouped, 100,000 times per load).
/// </summary>
public sealed class Labels : IEquatable<Labels>
{
    // Past this many keys a lookup bisects; below it a scan is faster.
    private const int ScanUpTo = 8;

    private readonly KeyValuePair<string, string>[] _pairs;
    private readonly int _hash;
    private ImmutableSortedDictionary<string, string>? _map;

    private Labels(KeyValuePair<string, string>[] sortedPairs)
    {
        _pairs = sortedPairs;
        var hash = new HashCode();
        foreach (var (key, value) in sortedPairs)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value, StringComparer.Ordinal);
        }
        _hash = hash.ToHashCode();
    }

    public static Labels Empty { get; } = new([]);

    /// <summary>A label map from pairs in any order; a key given twice must carry the same value.</summary>
    public static Labels From(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var sorted = pairs.ToArray();
        if (sorted.Length == 0) return Empty;
        Array.Sort(sorted, (x, y) => string.CompareOrdinal(x.Key, y.Key));
        int kept = 1;
        for (int i = 1; i < sorted.Length; i++)
        {
            if (!string.Equals(sorted[i].Key, sorted[kept - 1].Key, StringComparison.Ordinal))
            {
                sorted[kept++] = sorted[i];
                continue;
            }
            if (!string.Equals(sorted[i].Value, sorted[kept - 1].Value, StringComparison.Ordinal))
                throw new ArgumentException($"label key \"{sorted[i].Key}\" is given twice with different values", nameof(pairs));
        }
        return new Labels(kept == sorted.Length ? sorted : sorted[..kept]);
    }

    /// <summary>The map as a dictionary (sorted by key), built on first use.</summary>
    public IReadOnlyDictionary<string, string> Map => _map ??= ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, _pairs);

    public int Count => _pairs.Length;

    public bool TryGetValue(string key, out string value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _pairs[i].Value : null!;
        return i >= 0;
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public Labels With(string key, string value)
    {
        var i = IndexOf(key);
        if (i >= 0)
        {
            if (string.Equals(_pairs[i].Value, value, StringComparison.Ordinal)) return this;
            var replaced = (KeyValuePair<string, string>[])_pairs.Clone();
            replaced[i] = new(key, value);
            return new Labels(replaced);
        }
        var at = ~i;
        return new Labels([.. _pairs.AsSpan(0, at), new(key, value), .. _pairs.AsSpan(at)]);
    }

    // The index of the key, or the bitwise complement of where it would be inserted.
    private int IndexOf(string key)
    {
        if (_pairs.Length <= ScanUpTo)
        {
            for (int i = 0; i < _pairs.Length; i++)
            {
                var order = string.CompareOrdinal(_pairs[i].Key, key);
                if (order == 0) return i;
                if (order > 0) return ~i;
            }
            return ~_pairs.Length;
        }
        int low = 0, high = _pairs.Length - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var order = string.CompareOrdinal(_pairs[mid].Key, key);
            if (order == 0) return mid;
            if (order < 0) low = mid + 1;
            else high = mid - 1;
        }
        return ~low;
    }

    public bool Equals(Labels? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other._hash != _hash || other._pairs.Length != _pairs.Length) return false;
        for (int i = 0; i < _pairs.Length; i++)
        {
            if (!string.Equals(_pairs[i].Key, other._pairs[i].Key, StringComparison.Ordinal)
                || !string.Equals(_pairs[i].Value, other._pairs[i].Value, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as Labels);

    public override int GetHashCode() => _hash;

    public override string ToString() => string.Join(",", _pairs.Select(kv => $"{kv.Key}={kv.Value}"));
}
