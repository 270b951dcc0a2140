using System.Collections.Immutable;
using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis.Guardrails;

/// <summary>A guardrail's <c>ports</c>: the union of its entries; omitted (Any) means every protocol and port.</summary>
public sealed record PortSelection(ImmutableArray<PortSelector> Entries)
{
    public static PortSelection Any { get; } = new(ImmutableArray<PortSelector>.Empty);

    public bool IsAny => Entries.IsEmpty;

    public ConnectionSet For(Pod? destination)
    {
        if (IsAny) return ConnectionSet.All;
        var result = ConnectionSet.None;
        foreach (var entry in Entries) result = result.Union(entry.For(destination));
        return result;
    }

    /// <summary>Named entries that do not resolve on this destination.</summary>
    public IEnumerable<PortSelector> Unresolved(Pod? destination) =>
        Entries.Where(e => e.Name is not null && e.For(destination).IsEmpty);

    public override string ToString() => IsAny ? "every port" : string.Join(", ", Entries);
}
