using System.Collections.Immutable;

namespace Portolan.Core.Selectors;

/// <summary>One label requirement; matchLabels entries become <c>In</c> with one value.</summary>
public sealed record Requirement(string Key, SelectorOperator Operator, ImmutableArray<string> Values)
{
    // Semantics §2: NotIn and DoesNotExist also match objects that lack the key.
    public bool Matches(Labels labels) => Operator switch
    {
        SelectorOperator.In => labels.TryGetValue(Key, out var v) && Values.Contains(v, StringComparer.Ordinal),
        SelectorOperator.NotIn => !labels.TryGetValue(Key, out var v) || !Values.Contains(v, StringComparer.Ordinal),
        SelectorOperator.Exists => labels.ContainsKey(Key),
        SelectorOperator.DoesNotExist => !labels.ContainsKey(Key),
        _ => false,
    };

    public override string ToString() => Operator switch
    {
        SelectorOperator.In when Values.Length == 1 => $"{Key}={Values[0]}",
        SelectorOperator.In => $"{Key} in ({string.Join(",", Values)})",
        SelectorOperator.NotIn => $"{Key} notin ({string.Join(",", Values)})",
        SelectorOperator.Exists => Key,
        _ => $"!{Key}",
    };

    public bool Equals(Requirement? other) =>
        other is not null && string.Equals(Key, other.Key, StringComparison.Ordinal) && Operator == other.Operator
        && Values.SequenceEqual(other.Values, StringComparer.Ordinal);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Key, StringComparer.Ordinal);
        hash.Add(Operator);
        foreach (var value in Values) hash.Add(value, StringComparer.Ordinal);
        return hash.ToHashCode();
    }
}
