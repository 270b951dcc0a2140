using System.Globalization;
using Portolan.Core.Sets;

namespace Portolan.Tests.Web;

/// <summary>Reads back the connection text the page shows ("TCP 53,80-81,UDP 53", "All Connections").</summary>
public static class PortText
{
    public static ConnectionSet Parse(string text)
    {
        if (text == "All Connections") return ConnectionSet.All;
        if (text == "No Connections") return ConnectionSet.None;
        var set = ConnectionSet.None;
        Protocol? protocol = null;
        foreach (var token in text.Split(','))
        {
            var range = token;
            var space = token.IndexOf(' ', StringComparison.Ordinal);
            if (space >= 0)
            {
                protocol = Enum.Parse<Protocol>(token[..space]);
                range = token[(space + 1)..];
            }
            var dash = range.IndexOf('-', StringComparison.Ordinal);
            var from = int.Parse(dash < 0 ? range : range[..dash], CultureInfo.InvariantCulture);
            var to = dash < 0 ? from : int.Parse(range[(dash + 1)..], CultureInfo.InvariantCulture);
            set = set.Union(ConnectionSet.Of(protocol!.Value, from, to));
        }
        return set;
    }

    public static string Union(IEnumerable<string> texts) => texts.Select(Parse).Aggregate(ConnectionSet.None, (a, b) => a.Union(b)).ToString();

    /// <summary>How many (protocol, port) pairs the text names.</summary>
    public static long Size(string text)
    {
        var set = Parse(text);
        return Protocols.All.Sum(p => set[p].Intervals.Sum(i => (long)i.End - i.Start + 1));
    }
}
