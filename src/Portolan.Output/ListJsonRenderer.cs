using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Sets;

namespace Portolan.Output;

/// <summary>kind ConnectivityList: every allowed connection, structured (docs/output-schemas.md).</summary>
public static class ListJsonRenderer
{
    /// <summary>
    /// Streams the document: connections are written as they are produced, in 64 KiB blocks; each is
    /// put together from the pieces of its source, destination and set, rendered once each.
    /// </summary>
    public static void Render(CompressedReport report, Stream output)
    {
        using var pieces = new ConnectionJsonPieces();
        var sources = new EncodedItems<(ReportPeer Peer, int Endpoint)>(report.Sources, s => pieces.Peer(s.Peer));
        var destinations = new EncodedItems<(ReportPeer Peer, int Endpoint)>(report.Destinations, d => pieces.Peer(d.Peer));
        var sets = new EncodedItems<ConnectionSet>(report.Sets, pieces.Allowed);
        var writer = new Utf8BlockWriter(output);
        writer.Write(pieces.Opening());
        var any = false;
        foreach (var (source, destination, set) in report.Pairs())
        {
            if (any) writer.Write(ConnectionJsonPieces.Separator);
            writer.Write(pieces.SourceKey);
            writer.Write(sources[source]);
            writer.Write(pieces.DestinationKey);
            writer.Write(destinations[destination]);
            writer.Write(sets[set]);
            any = true;
        }
        writer.Write(pieces.Closing(any, report.Warnings));
        writer.Flush();
    }
}
