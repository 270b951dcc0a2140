using System.Text;
using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Sets;

namespace Portolan.Output;

/// <summary>The corpus line format: "src => dst : connections", one line per allowed pair.</summary>
public static class ListTextRenderer
{
    /// <summary>Streams the lines as UTF-8 as the pairs are produced; each peer's and set's text is encoded once.</summary>
    public static void Render(CompressedReport report, Stream output)
    {
        var sources = new EncodedItems<(ReportPeer Peer, int Endpoint)>(report.Sources, s => Encoding.UTF8.GetBytes($"{s.Peer.Name} => "));
        var destinations = new EncodedItems<(ReportPeer Peer, int Endpoint)>(report.Destinations, d => Encoding.UTF8.GetBytes($"{d.Peer.Name} : "));
        var sets = new EncodedItems<ConnectionSet>(report.Sets, set => Encoding.UTF8.GetBytes($"{set}\n"));
        var writer = new Utf8BlockWriter(output);
        foreach (var (source, destination, set) in report.Pairs())
        {
            writer.Write(sources[source]);
            writer.Write(destinations[destination]);
            writer.Write(sets[set]);
        }
        writer.Flush();
    }
}
