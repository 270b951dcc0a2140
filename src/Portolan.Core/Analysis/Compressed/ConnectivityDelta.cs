using System.Collections.Immutable;

namespace Portolan.Core.Analysis.Compressed;

/// <summary>Connections opened and closed between two results, pair by pair (only what changed).</summary>
public static class ConnectivityDelta
{
    public static (ImmutableArray<Connection> Opened, ImmutableArray<Connection> Closed) Between(ConnectivityResult before, ConnectivityResult after)
    {
        var old = before.Connections.ToDictionary(c => (c.Source.Name, c.Destination.Name));
        var now = after.Connections.ToDictionary(c => (c.Source.Name, c.Destination.Name));
        var opened = new List<Connection>();
        var closed = new List<Connection>();
        foreach (var (key, c) in now)
        {
            var gained = old.TryGetValue(key, out var o) ? c.Allowed.Subtract(o.Allowed) : c.Allowed;
            if (!gained.IsEmpty) opened.Add(c with { Allowed = gained });
        }
        foreach (var (key, c) in old)
        {
            var lost = now.TryGetValue(key, out var n) ? c.Allowed.Subtract(n.Allowed) : c.Allowed;
            if (!lost.IsEmpty) closed.Add(c with { Allowed = lost });
        }
        return (Sorted(opened), Sorted(closed));
    }

    private static ImmutableArray<Connection> Sorted(List<Connection> list) =>
        [.. list.OrderBy(c => c.Source.Name, StringComparer.Ordinal).ThenBy(c => c.Destination.Name, StringComparer.Ordinal)];
}
