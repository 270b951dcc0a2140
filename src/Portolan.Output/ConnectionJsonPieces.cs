using System.Buffers;
using System.Text.Json;
using Portolan.Core.Analysis;
using Portolan.Core.Sets;

namespace Portolan.Output;

/// <summary>
/// One connection of kind ConnectivityList in three pieces, each exactly as the document's writer
/// puts it at that depth: the source's piece opens the connection object, the destination's follows,
/// the connection set's closes it. A connection is its three pieces one after the other (written as
/// one raw value of the connections array); each peer and set is rendered once.
/// </summary>
public sealed class ConnectionJsonPieces : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly Utf8JsonWriter _json;
    private readonly Dictionary<ReportPeer, byte[]> _peers = [];
    private readonly byte[] _sourceKey;
    private readonly byte[] _destinationKey;

    public ConnectionJsonPieces()
    {
        _json = new Utf8JsonWriter(_buffer, JsonShapes.Options);
        _sourceKey = Piece(Nothing, json =>
        {
            json.WriteStartObject();
            json.WritePropertyName("source");
        });
        _destinationKey = Piece(AfterSource, json => json.WritePropertyName("destination"));
    }

    public void Dispose() => _json.Dispose();

    public byte[] Source(ReportPeer peer) => [.. _sourceKey, .. Peer(peer)];

    public byte[] Destination(ReportPeer peer) => [.. _destinationKey, .. Peer(peer)];

    public byte[] Allowed(ConnectionSet set) => Piece(AfterDestination, json =>
    {
        JsonShapes.WriteConnections(json, "allowed", set);
        json.WriteEndObject();
    });

    // A peer as the value of a connection's property (any: the value's text depends on the depth only).
    private byte[] Peer(ReportPeer peer)
    {
        if (!_peers.TryGetValue(peer, out var bytes))
        {
            _peers[peer] = bytes = Piece(json =>
            {
                json.WriteStartObject();
                json.WritePropertyName("source");
            }, json => JsonShapes.WritePeer(json, null, peer));
        }
        return bytes;
    }

    private static void Nothing(Utf8JsonWriter json)
    {
    }

    private static void AfterSource(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNull("source");
    }

    private static void AfterDestination(Utf8JsonWriter json)
    {
        AfterSource(json);
        json.WriteNull("destination");
    }

    // Writes the document up to the connections array, then `before` (what precedes the piece in a
    // connection), and returns what `write` adds.
    private byte[] Piece(Action<Utf8JsonWriter> before, Action<Utf8JsonWriter> write)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteStartObject();
        _json.WriteStartArray("connections");
        before(_json);
        _json.Flush();
        var start = _buffer.WrittenCount;
        write(_json);
        _json.Flush();
        return _buffer.WrittenSpan[start..].ToArray();
    }
}
