using System.Collections.Immutable;

namespace Portolan.Core.Selectors;

/// <summary>A label selector: all requirements ANDed; no requirement matches everything (semantics §2).</summary>
public sealed record LabelSelector(ImmutableArray<Requirement> Requirements)
{
    public static LabelSelector Everything { get; } = new(ImmutableArray<Requirement>.Empty);

    public bool MatchesEverything => Requirements.IsEmpty;

    public bool Matches(Labels labels)
    {
        foreach (var requirement in Requirements)
        {
            if (!requirement.Matches(labels)) return false;
        }
        return true;
    }

    public static LabelSelector ForLabels(IEnumerable<KeyValuePair<string, string>> matchLabels) =>
        new(matchLabels.Select(kv => new Requirement(kv.Key, SelectorOperator.In, [kv.Value])).ToImmutableArray());

    public bool Equals(LabelSelector? other) => other is not null && Requirements.SequenceEqual(other.Requirements);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var requirement in Requirements) hash.Add(requirement);
        return hash.ToHashCode();
    }

    public override string ToString() => MatchesEverything ? "{}" : string.Join(",", Requirements);
}
