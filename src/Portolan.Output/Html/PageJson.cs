using System.Text.Encodings.Web;
using System.Text.Json;
using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Diff;
using Portolan.Core.Sets;

namespace Portolan.Output.Html;

/// <summary>
/// The data block of the page (docs/web-view.md): peers, matrix rows and columns, the allowed set of
/// every pair (now, and in a diff what was), the explanations, and a diff's changes.
/// </summary>
internal static class PageJson
{
    // The default encoder escapes <, >, &, ' and " as \uXXXX, so the block can never close its <script>.
    private static readonly JsonWriterOptions Options = new() { Indented = true, IndentSize = 1, Encoder = JavaScriptEncoder.Default };

    public static void Write(Stream output, string mode, HtmlReportOptions options, ReportSide now, ReportSide? was,
        ConnectivityDiff? diff, DiffExplainer? causes)
    {
        using var json = new Utf8JsonWriter(output, Options);
        var sides = was is null ? [now] : new[] { now, was };
        var peers = sides.SelectMany(s => s.Report.Peers).DistinctBy(p => p.Name)
            .OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var index = peers.Select((p, i) => (p.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var rows = peers.Where(p => sides.Any(s => s.Sources.ContainsKey(p.Name))).ToList();
        var columns = peers.Where(p => sides.Any(s => s.Destinations.ContainsKey(p.Name))).ToList();

        json.WriteStartObject();
        json.WriteString("apiVersion", Schema.ApiVersion);
        json.WriteString("mode", mode);
        json.WriteString("title", options.Title);
        json.WriteString("evalInput", options.EvalInput);
        json.WriteStartArray("namespaces");
        foreach (var ns in peers.OfType<WorkloadPeer>().Select(p => p.Workload.Namespace).Distinct().Order(StringComparer.Ordinal)) json.WriteStringValue(ns);
        json.WriteEndArray();
        WritePeers(json, peers);
        WriteAxis(json, "rows", rows, index, now.Sources, was?.Sources);
        WriteAxis(json, "columns", columns, index, now.Destinations, was?.Destinations);

        var sets = new SetTable();
        var rowOf = rows.Select((p, i) => (p.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var columnOf = columns.Select((p, i) => (p.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        // Only pairs that allow something on either side are written; the page reads a missing cell as none.
        var pairs = sides.SelectMany(s => s.Allowed.Keys).Distinct()
            .Select(k => (Row: rowOf[k.Item1], Column: columnOf[k.Item2], Source: k.Item1, Destination: k.Item2))
            .OrderBy(p => p.Row).ThenBy(p => p.Column).ToList();
        json.WriteStartArray("cells");
        foreach (var (r, c, source, destination) in pairs)
        {
            var set = now.Of(source, destination);
            json.WriteStartArray();
            json.WriteNumberValue(r);
            json.WriteNumberValue(c);
            json.WriteNumberValue(sets.Id(set));
            if (was is not null)
            {
                var before = was.Of(source, destination);
                json.WriteNumberValue(sets.Id(before));
                json.WriteNumberValue(sets.Id(set.Subtract(before)));
                json.WriteNumberValue(sets.Id(before.Subtract(set)));
            }
            json.WriteEndArray();
        }
        json.WriteEndArray();
        var table = new ExplanationTable(options.MaxExplainedPairs);
        ExplainInMatrixOrder(table, rows, columns, now, was);
        sets.Write(json);
        table.Write(json);
        if (diff is not null) WriteChanges(json, diff, causes!);
        json.WriteStartArray("warnings");
        foreach (var warning in diff?.Warnings ?? now.Report.Warnings) json.WriteStringValue(warning);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    // Row by row, until the budget is spent: the now side of every cell, and in a diff the was side of a changed one.
    private static void ExplainInMatrixOrder(ExplanationTable table, List<ReportPeer> rows, List<ReportPeer> columns, ReportSide now, ReportSide? was)
    {
        foreach (var source in rows)
        {
            foreach (var destination in columns)
            {
                if (source.Name == destination.Name || (source is ExternalPeer && destination is ExternalPeer)) continue;
                if (!Explain(table, 0, now, source, destination)) return;
                if (was is not null && !now.Of(source.Name, destination.Name).Equals(was.Of(source.Name, destination.Name))
                    && !Explain(table, 1, was, source, destination)) return;
            }
        }
    }

    private static bool Explain(ExplanationTable table, int side, ReportSide state, ReportPeer source, ReportPeer destination) =>
        !state.Sources.TryGetValue(source.Name, out var s) || !state.Destinations.TryGetValue(destination.Name, out var d)
        || table.Add(side, state.Explainer, s, d);

    private static void WritePeers(Utf8JsonWriter json, List<ReportPeer> peers)
    {
        json.WriteStartArray("peers");
        foreach (var peer in peers)
        {
            json.WriteStartObject();
            json.WriteString("name", peer.Name);
            switch (peer)
            {
                case WorkloadPeer w:
                    json.WriteString("namespace", w.Workload.Namespace);
                    json.WriteString("kind", w.Workload.Kind);
                    json.WriteString("label", w.Workload.Name);
                    json.WriteString("eval", $"{w.Workload.Namespace}/{w.Workload.Name}");
                    break;
                case ExternalPeer e:
                    json.WriteNull("namespace");
                    json.WriteString("kind", "External");
                    json.WriteString("label", e.Addresses.ToString());
                    json.WriteString("eval", FirstAddress(e));
                    break;
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static string FirstAddress(ExternalPeer peer) => peer.Addresses.V4.IsEmpty
        ? Cidr.FromInteger(peer.Addresses.V6.Intervals[0].Start, true).ToString()
        : Cidr.FromInteger(peer.Addresses.V4.Intervals[0].Start, false).ToString();

    // Each entry: the peer's index, and its endpoint on each side (-1 where it is absent).
    private static void WriteAxis(Utf8JsonWriter json, string name, List<ReportPeer> axis, Dictionary<string, int> index,
        Dictionary<string, int> now, Dictionary<string, int>? was)
    {
        json.WriteStartArray(name);
        foreach (var peer in axis)
        {
            json.WriteStartArray();
            json.WriteNumberValue(index[peer.Name]);
            json.WriteNumberValue(now.GetValueOrDefault(peer.Name, -1));
            if (was is not null) json.WriteNumberValue(was.GetValueOrDefault(peer.Name, -1));
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    private static void WriteChanges(Utf8JsonWriter json, ConnectivityDiff diff, DiffExplainer causes)
    {
        json.WriteStartArray("changes");
        foreach (var entry in diff.Entries)
        {
            json.WriteStartObject();
            json.WriteString("change", entry.Change.ToString());
            json.WriteString("source", entry.Source.Name);
            json.WriteString("destination", entry.Destination.Name);
            json.WriteString("before", entry.Before.ToString());
            json.WriteString("after", entry.After.ToString());
            json.WriteString("opened", entry.Opened.ToString());
            json.WriteString("closed", entry.Closed.ToString());
            json.WriteStartArray("causes");
            foreach (var cause in causes.Explain(entry)) json.WriteStringValue($"{cause.Description} ({cause.Location})");
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        foreach (var (name, list) in new[] { ("addedWorkloads", diff.AddedWorkloads), ("removedWorkloads", diff.RemovedWorkloads) })
        {
            json.WriteStartArray(name);
            foreach (var peer in list) json.WriteStringValue(peer.Name);
            json.WriteEndArray();
        }
    }
}
