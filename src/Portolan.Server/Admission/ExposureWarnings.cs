using System.Collections.Immutable;
using Portolan.Core.Analysis;

namespace Portolan.Server.Admission;

/// <summary>
/// The new exposure as admission warnings: one per opened connection up to a bound, then "and N more";
/// closed connections in one line (a change that closes what an application uses breaks it too).
/// kubectl prints each warning on its own line.
/// </summary>
public static class ExposureWarnings
{
    public const int DefaultLimit = 10;

    public static IEnumerable<string> For(ImmutableArray<Connection> opened, ImmutableArray<Connection> closed, int limit = DefaultLimit)
    {
        foreach (var connection in opened.Take(limit)) yield return $"portolan: opens {Line(connection)}";
        if (opened.Length > limit) yield return $"portolan: ... and {opened.Length - limit} more opened connections ({opened.Length} in all; `portolan diff` lists them)";
        if (closed.Length > 0)
        {
            var plural = closed.Length == 1 ? "connection" : "connections";
            yield return $"portolan: closes {closed.Length} {plural}, e.g. {Line(closed[0])}";
        }
    }

    private static string Line(Connection c) => $"{c.Source} => {c.Destination} : {c.Allowed}";
}
