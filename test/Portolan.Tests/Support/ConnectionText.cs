using Portolan.Core.Sets;

namespace Portolan.Tests.Support;

/// <summary>An independent reader of the connection format "PROTO a,b-c,PROTO d" that checks its shape as it reads.</summary>
public static class ConnectionText
{
    public static ConnectionSet Parse(string text)
    {
        if (text == "All Connections") return ConnectionSet.All;
        if (text == "No Connections") return ConnectionSet.None;
        var result = ConnectionSet.None;
        Protocol? current = null;
        foreach (var token in text.Split(','))
        {
            var range = token;
            var space = token.IndexOf(' ', StringComparison.Ordinal);
            if (space >= 0)
            {
                Assert.True(Protocols.TryParse(token[..space], out var protocol), $"bad protocol in \"{text}\"");
                current = protocol;
                range = token[(space + 1)..];
            }
            Assert.NotNull(current);
            var bounds = range.Split('-').Select(x => int.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.InRange(bounds.Length, 1, 2);
            if (bounds.Length == 2) Assert.True(bounds[0] < bounds[1], $"range {range} in \"{text}\" is not ascending");
            result = result.Union(ConnectionSet.Of(current.Value, bounds[0], bounds[^1]));
        }
        return result;
    }
}
