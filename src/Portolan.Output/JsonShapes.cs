using System.Text.Json;
using Portolan.Core.Analysis;
using Portolan.Core.Sets;

namespace Portolan.Output;

/// <summary>The structured forms shared by JSON outputs: peers and connection sets.</summary>
public static class JsonShapes
{
    /// <summary>Writes a peer as the value of <paramref name="property"/>, or as an array element when it is null.</summary>
    public static void WritePeer(Utf8JsonWriter json, string? property, ReportPeer peer)
    {
        if (property is null) json.WriteStartObject();
        else json.WriteStartObject(property);
        switch (peer)
        {
            case WorkloadPeer w:
                json.WriteString("type", "workload");
                json.WriteString("namespace", w.Workload.Namespace);
                json.WriteString("name", w.Workload.Name);
                json.WriteString("kind", w.Workload.Kind);
                break;
            case ExternalPeer e:
                json.WriteString("type", "external");
                json.WriteStartArray("ranges");
                foreach (var range in e.Addresses.ToString().Split(',')) json.WriteStringValue(range);
                json.WriteEndArray();
                break;
        }
        json.WriteString("display", peer.Name);
        json.WriteEndObject();
    }

    /// <summary>{"all": bool, "protocols": {"TCP": [{"from": 80, "to": 80}], ...}}; protocols with no port are left out.</summary>
    public static void WriteConnections(Utf8JsonWriter json, string property, ConnectionSet set)
    {
        json.WriteStartObject(property);
        json.WriteBoolean("all", set.IsAll);
        json.WriteStartObject("protocols");
        foreach (var protocol in Protocols.All)
        {
            if (set[protocol].IsEmpty) continue;
            json.WriteStartArray(protocol.ToString());
            foreach (var interval in set[protocol].Intervals)
            {
                json.WriteStartObject();
                json.WriteNumber("from", interval.Start);
                json.WriteNumber("to", interval.End);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteString("display", set.ToString());
        json.WriteEndObject();
    }

    public static JsonWriterOptions Options { get; } = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
