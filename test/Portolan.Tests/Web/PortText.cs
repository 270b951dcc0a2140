using Portolan.Core.Sets;
using Portolan.Tests.Support;

namespace Portolan.Tests.Web;

/// <summary>Reads back the connection text the page shows ("TCP 53,80-81,UDP 53", "All Connections").</summary>
public static class PortText
{
    public static ConnectionSet Parse(string text) => ConnectionText.Parse(text);

    public static string Union(IEnumerable<string> texts) => texts.Select(Parse).Aggregate(ConnectionSet.None, (a, b) => a.Union(b)).ToString();

    /// <summary>How many (protocol, port) pairs the text names.</summary>
    public static long Size(string text)
    {
        var set = Parse(text);
        return Protocols.All.Sum(p => set[p].Intervals.Sum(i => (long)i.End - i.Start + 1));
    }
}
