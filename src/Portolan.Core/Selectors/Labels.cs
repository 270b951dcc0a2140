using System.Collections.Immutable;

namespace Portolan.Core.Selectors;

/// <summary>An immutable label map with structural equality (keys sorted ordinally).</summary>
public sealed class Labels : IEquatable<Labels>
{
    private readonly ImmutableSortedDictionary<string, string> _map;

    private Labels(ImmutableSortedDictionary<string, string> map) => _map = map;

    public static Labels Empty { get; } = new(ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal));

    public static Labels From(IEnumerable<KeyValuePair<string, string>> pairs) =>
        new(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, pairs));

    public IReadOnlyDictionary<string, string> Map => _map;

    public int Count => _map.Count;

    public bool TryGetValue(string key, out string value) => _map.TryGetValue(key, out value!);

    public bool ContainsKey(string key) => _map.ContainsKey(key);

    public Labels With(string key, string value) => new(_map.SetItem(key, value));

    public bool Equals(Labels? other) =>
        other is not null && _map.Count == other._map.Count
        && _map.All(kv => other._map.TryGetValue(kv.Key, out var v) && string.Equals(v, kv.Value, StringComparison.Ordinal));

    public override bool Equals(object? obj) => Equals(obj as Labels);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in _map)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value, StringComparer.Ordinal);
        }
        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(",", _map.Select(kv => $"{kv.Key}={kv.Value}"));
}
