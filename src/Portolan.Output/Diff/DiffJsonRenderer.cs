using System.Text.Json;
using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Diff;

namespace Portolan.Output.Diff;

/// <summary>kind ConnectivityDiff (docs/diff.md): counts, workloads added and removed, every changed pair.</summary>
public static class DiffJsonRenderer
{
    public static void Render(ConnectivityDiff diff, Stream output)
    {
        using var json = new Utf8JsonWriter(output, JsonShapes.Options);
        json.WriteStartObject();
        json.WriteString("apiVersion", Schema.ApiVersion);
        json.WriteString("kind", "ConnectivityDiff");
        json.WriteStartObject("summary");
        json.WriteNumber("changed", diff.Count(DiffKind.Changed));
        json.WriteNumber("added", diff.Count(DiffKind.Added));
        json.WriteNumber("removed", diff.Count(DiffKind.Removed));
        json.WriteNumber("workloadsAdded", diff.AddedWorkloads.Length);
        json.WriteNumber("workloadsRemoved", diff.RemovedWorkloads.Length);
        json.WriteEndObject();
        json.WriteStartObject("workloads");
        WritePeers(json, "added", diff.AddedWorkloads);
        WritePeers(json, "removed", diff.RemovedWorkloads);
        json.WriteEndObject();
        json.WriteStartArray("connections");
        foreach (var e in diff.Entries)
        {
            json.WriteStartObject();
            json.WriteString("diffType", DiffFormat.Kind(e.Kind));
            json.WriteString("change", DiffFormat.Change(e.Change));
            JsonShapes.WritePeer(json, "source", e.Source);
            JsonShapes.WritePeer(json, "destination", e.Destination);
            JsonShapes.WriteConnections(json, "before", e.Before);
            JsonShapes.WriteConnections(json, "after", e.After);
            JsonShapes.WriteConnections(json, "opened", e.Opened);
            JsonShapes.WriteConnections(json, "closed", e.Closed);
            if (e.OneSidedPeers.IsEmpty)
            {
                json.WriteNull("workloadsDiffInfo");
            }
            else
            {
                json.WriteStartObject("workloadsDiffInfo");
                json.WriteString("change", e.Kind == DiffKind.Removed ? "removed" : "added");
                json.WriteStartArray("workloads");
                foreach (var peer in e.OneSidedPeers) json.WriteStringValue(peer.Name);
                json.WriteEndArray();
                json.WriteString("display", DiffFormat.WorkloadsInfo(e));
                json.WriteEndObject();
            }
            json.WriteEndObject();
            if (json.BytesPending > 64 * 1024) json.Flush();
        }
        json.WriteEndArray();
        json.WriteStartArray("warnings");
        foreach (var warning in diff.Warnings) json.WriteStringValue(warning);
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WritePeers(Utf8JsonWriter json, string property, IEnumerable<ReportPeer> peers)
    {
        json.WriteStartArray(property);
        foreach (var peer in peers) JsonShapes.WritePeer(json, null, peer);
        json.WriteEndArray();
    }
}
