using System.Buffers;
using System.Text.Json;
using Portolan.Core.Analysis;
using Portolan.Core.Sets;

namespace Portolan.Output;

/// <summary>
/// The document of kind ConnectivityList in pieces, each exactly as its JSON writer puts it at that
/// place: the opening (up to the connections array), per connection the source key (opening the
/// connection object) and peer, the destination key and peer, and the connection set's piece (closing
/// it), a comma between connections, and the closing. Each peer and set is rendered once; a
/// connection is then a few copies.
/// </summary>
public sealed class ConnectionJsonPieces : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly Utf8JsonWriter _json;
    private readonly Dictionary<ReportPeer, byte[]> _peers = new(ReferenceEqualityComparer.Instance);

    public ConnectionJsonPieces()
    {
        _json = new Utf8JsonWriter(_buffer, JsonShapes.Options);
        SourceKey = Piece(InConnections, json =>
        {
            json.WriteStartObject();
            json.WritePropertyName("source");
        });
        DestinationKey = Piece(AfterSource, json => json.WritePropertyName("destination"));
    }

    public void Dispose() => _json.Dispose();

    /// <summary>The document up to its connections.</summary>
    public byte[] Opening() => Piece(_ => { }, json =>
    {
        json.WriteStartObject();
        json.WriteString("apiVersion", Schema.ApiVersion);
        json.WriteString("kind", "ConnectivityList");
        json.WriteStartArray("connections");
    });

    /// <summary>What goes between two connections.</summary>
    public static ReadOnlySpan<byte> Separator => ","u8;

    /// <summary>The rest of the document after its connections (<paramref name="any"/>: there were some), with a final newline.</summary>
    public byte[] Closing(bool any, IReadOnlyList<string> warnings) => [.. Piece(json =>
    {
        InConnections(json);
        if (any) json.WriteRawValue("{}"u8, skipInputValidation: true);
    }, json =>
    {
        json.WriteEndArray();
        json.WriteStartArray("warnings");
        foreach (var warning in warnings) json.WriteStringValue(warning);
        json.WriteEndArray();
        json.WriteEndObject();
    }), (byte)'\n'];

    /// <summary>A connection's opening up to its source peer.</summary>
    public byte[] SourceKey { get; }

    /// <summary>What follows the source peer, up to the destination peer.</summary>
    public byte[] DestinationKey { get; }

    public byte[] Allowed(ConnectionSet set) => Piece(AfterDestination, json =>
    {
        JsonShapes.WriteConnections(json, "allowed", set);
        json.WriteEndObject();
    });

    /// <summary>A peer as the value of a connection's source or destination (the text depends on the depth only).</summary>
    public byte[] Peer(ReportPeer peer)
    {
        if (!_peers.TryGetValue(peer, out var bytes))
        {
            _peers[peer] = bytes = Piece(json =>
            {
                InConnections(json);
                json.WriteStartObject();
                json.WritePropertyName("source");
            }, json => JsonShapes.WritePeer(json, null, peer));
        }
        return bytes;
    }

    private static void InConnections(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteStartArray("connections");
    }

    private static void AfterSource(Utf8JsonWriter json)
    {
        InConnections(json);
        json.WriteStartObject();
        json.WriteNull("source");
    }

    private static void AfterDestination(Utf8JsonWriter json)
    {
        AfterSource(json);
        json.WriteNull("destination");
    }

    // Writes `before` (what precedes the piece in a document) and returns what `write` adds.
    private byte[] Piece(Action<Utf8JsonWriter> before, Action<Utf8JsonWriter> write)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        before(_json);
        _json.Flush();
        var start = _buffer.WrittenCount;
        write(_json);
        _json.Flush();
        return _buffer.WrittenSpan[start..].ToArray();
    }
}
