using Portolan.Core.Sets;

namespace Portolan.Core.Model;

/// <summary>One entry of a rule's ports: a numeric range, or a name resolved on the destination pod.</summary>
public abstract record PortMatch;

public sealed record PortRangeMatch(Protocol Protocol, int From, int To) : PortMatch
{
    public override string ToString() => From == To ? $"{Protocol} {From}" : $"{Protocol} {From}-{To}";
}

/// <summary>A named port; Protocol null means "the container port's own protocol" (admin tier, semantics §4.4).</summary>
public sealed record NamedPortMatch(string Name, Protocol? Protocol) : PortMatch
{
    public override string ToString() => Protocol is { } p ? $"{p} {Name}" : Name;
}
