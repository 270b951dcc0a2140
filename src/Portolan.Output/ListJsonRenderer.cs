using System.Text.Json;
using Portolan.Core.Analysis;

namespace Portolan.Output;

/// <summary>kind ConnectivityList: every allowed connection, structured (docs/output-schemas.md).</summary>
public static class ListJsonRenderer
{
    public static void Render(ConnectivityResult result, Stream output) => Render(result.Connections, result.Warnings, output);

    /// <summary>Streams the document: connections are written as they are produced, flushed every 64 KiB.</summary>
    public static void Render(IEnumerable<Connection> connections, IReadOnlyList<string> warnings, Stream output)
    {
        using var json = new Utf8JsonWriter(output, JsonShapes.Options);
        json.WriteStartObject();
        json.WriteString("apiVersion", Schema.ApiVersion);
        json.WriteString("kind", "ConnectivityList");
        json.WriteStartArray("connections");
        foreach (var c in connections)
        {
            json.WriteStartObject();
            JsonShapes.WritePeer(json, "source", c.Source);
            JsonShapes.WritePeer(json, "destination", c.Destination);
            JsonShapes.WriteConnections(json, "allowed", c.Allowed);
            json.WriteEndObject();
            if (json.BytesPending > 64 * 1024) json.Flush();
        }
        json.WriteEndArray();
        json.WriteStartArray("warnings");
        foreach (var warning in warnings) json.WriteStringValue(warning);
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }
}
