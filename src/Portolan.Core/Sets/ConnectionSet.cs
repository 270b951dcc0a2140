using System.Collections.Immutable;

namespace Portolan.Core.Sets;

/// <summary>A set of (protocol, destination port) pairs: one port interval set per protocol.</summary>
public sealed class ConnectionSet : IEquatable<ConnectionSet>
{
    private readonly ImmutableArray<IntervalSet<int>> _byProtocol;

    private ConnectionSet(ImmutableArray<IntervalSet<int>> byProtocol) => _byProtocol = byProtocol;

    public static ConnectionSet None { get; } = new([IntervalSet<int>.Empty, IntervalSet<int>.Empty, IntervalSet<int>.Empty]);

    public static ConnectionSet All { get; } = new([PortSet.All, PortSet.All, PortSet.All]);

    public static ConnectionSet Of(Protocol protocol, IntervalSet<int> ports)
    {
        var items = None._byProtocol.ToBuilder();
        items[(int)protocol] = ports.Intersect(PortSet.All);
        return new(items.MoveToImmutable());
    }

    public static ConnectionSet Of(Protocol protocol, int from, int to) => Of(protocol, PortSet.Range(from, to));

    public static ConnectionSet AllPorts(Protocol protocol) => Of(protocol, PortSet.All);

    public IntervalSet<int> this[Protocol protocol] => _byProtocol[(int)protocol];

    public bool IsEmpty => _byProtocol.All(p => p.IsEmpty);

    public bool IsAll => Equals(All);

    public bool Contains(Protocol protocol, int port) => this[protocol].Contains(port);

    public ConnectionSet Union(ConnectionSet other) => Combine(other, static (a, b) => a.Union(b));

    public ConnectionSet Intersect(ConnectionSet other) => Combine(other, static (a, b) => a.Intersect(b));

    public ConnectionSet Subtract(ConnectionSet other) => Combine(other, static (a, b) => a.Subtract(b));

    public ConnectionSet Complement() => All.Subtract(this);

    public bool IsSubsetOf(ConnectionSet other) => Subtract(other).IsEmpty;

    private ConnectionSet Combine(ConnectionSet other, Func<IntervalSet<int>, IntervalSet<int>, IntervalSet<int>> op) =>
        new([op(_byProtocol[0], other._byProtocol[0]), op(_byProtocol[1], other._byProtocol[1]), op(_byProtocol[2], other._byProtocol[2])]);

    public bool Equals(ConnectionSet? other) =>
        other is not null && _byProtocol[0].Equals(other._byProtocol[0]) && _byProtocol[1].Equals(other._byProtocol[1])
        && _byProtocol[2].Equals(other._byProtocol[2]);

    public override bool Equals(object? obj) => Equals(obj as ConnectionSet);

    public override int GetHashCode() => HashCode.Combine(_byProtocol[0], _byProtocol[1], _byProtocol[2]);

    /// <summary>The corpus line format: "All Connections", or "SCTP 9003,TCP 80,UDP 5353" (conformance README).</summary>
    public override string ToString() => _text ??= Format();

    // Immutable, so the text is computed once; report lines share sets, so this matters when writing pairs.
    private string? _text;

    private string Format()
    {
        if (IsAll) return "All Connections";
        if (IsEmpty) return "No Connections";
        return string.Join(",", Protocols.All.Where(p => !this[p].IsEmpty).Select(p => $"{p} {this[p]}"));
    }
}
