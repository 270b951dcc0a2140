using System.Text.Json;
using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Sets;

namespace Portolan.Output;

/// <summary>kind ConnectivityList: every allowed connection, structured (docs/output-schemas.md).</summary>
public static class ListJsonRenderer
{
    /// <summary>
    /// Streams the document: connections are written as they are produced, flushed every 64 KiB; each is
    /// put together from the pieces of its source, destination and set, rendered once each.
    /// </summary>
    public static void Render(CompressedReport report, Stream output)
    {
        using var pieces = new ConnectionJsonPieces();
        var sources = new EncodedItems<(ReportPeer Peer, int Endpoint)>(report.Sources, s => pieces.Source(s.Peer));
        var destinations = new EncodedItems<(ReportPeer Peer, int Endpoint)>(report.Destinations, d => pieces.Destination(d.Peer));
        var sets = new EncodedItems<ConnectionSet>(report.Sets, pieces.Allowed);
        var connection = new byte[4096];
        using var json = new Utf8JsonWriter(output, JsonShapes.Options);
        json.WriteStartObject();
        json.WriteString("apiVersion", Schema.ApiVersion);
        json.WriteString("kind", "ConnectivityList");
        json.WriteStartArray("connections");
        foreach (var (source, destination, set) in report.Pairs())
        {
            var length = Concat(ref connection, sources[source], destinations[destination], sets[set]);
            json.WriteRawValue(connection.AsSpan(0, length), skipInputValidation: true);
            if (json.BytesPending > 64 * 1024) json.Flush();
        }
        json.WriteEndArray();
        json.WriteStartArray("warnings");
        foreach (var warning in report.Warnings) json.WriteStringValue(warning);
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    private static int Concat(ref byte[] buffer, byte[] a, byte[] b, byte[] c)
    {
        var length = a.Length + b.Length + c.Length;
        if (length > buffer.Length) buffer = new byte[length * 2];
        a.CopyTo(buffer, 0);
        b.CopyTo(buffer, a.Length);
        c.CopyTo(buffer, a.Length + b.Length);
        return length;
    }
}
