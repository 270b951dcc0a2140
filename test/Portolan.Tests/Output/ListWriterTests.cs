using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Model;
using Portolan.Output;
using Portolan.Tests.Engine;

namespace Portolan.Tests.Output;

/// <summary>
/// The pair writers (pieces encoded once per peer and set, pairs as indexes) write what a plain
/// writer makes of the reference engine's connections, byte for byte, on random clusters.
/// </summary>
public sealed class ListWriterTests
{
    [Fact]
    public void Text_and_json_lists_equal_a_plain_rendering_of_the_reference_result()
    {
        var compared = 0;
        for (int seed = 0; seed < 60; seed++)
        {
            var cluster = new RandomCluster(seed).Cluster();
            foreach (var scope in new[] { IPBlockScope.All, IPBlockScope.External })
            {
                var reference = new ConnectivityAnalyzer(cluster, scope).AnalyzeReference();
                compared += reference.Connections.Length;

                var text = new MemoryStream();
                ListTextRenderer.Render(new CompressedReport(new CompressedEngine(cluster, scope)), text);
                Assert.Equal(PlainText(reference.Connections), Encoding.UTF8.GetString(text.ToArray()));

                var report = new CompressedReport(new CompressedEngine(cluster, scope));
                var json = new MemoryStream();
                ListJsonRenderer.Render(report, json);
                Assert.Equal(PlainJson(reference.Connections, report.Warnings), Encoding.UTF8.GetString(json.ToArray()));
            }
        }
        Assert.True(compared > 100, $"only {compared} connections compared");
    }

    [Fact]
    public void An_empty_list_is_written_as_the_plain_writer_writes_it()
    {
        var cluster = new Cluster(ImmutableDictionary<string, NamespaceInfo>.Empty, [], [], []);
        var report = new CompressedReport(new CompressedEngine(cluster, IPBlockScope.All));
        var json = new MemoryStream();
        ListJsonRenderer.Render(report, json);
        Assert.Equal(PlainJson([], report.Warnings), Encoding.UTF8.GetString(json.ToArray()));
        Assert.Contains("\"connections\": []", Encoding.UTF8.GetString(json.ToArray()));
        var text = new MemoryStream();
        ListTextRenderer.Render(report, text);
        Assert.Empty(text.ToArray());
    }

    private static string PlainText(IEnumerable<Connection> connections) =>
        string.Concat(connections.Select(c => $"{c.Source.Name} => {c.Destination.Name} : {c.Allowed}\n"));

    // The document written object by object, as the list writer did before it wrote pieces.
    private static string PlainJson(IEnumerable<Connection> connections, IReadOnlyList<string> warnings)
    {
        var output = new MemoryStream();
        using (var json = new Utf8JsonWriter(output, JsonShapes.Options))
        {
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
            }
            json.WriteEndArray();
            json.WriteStartArray("warnings");
            foreach (var warning in warnings) json.WriteStringValue(warning);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(output.ToArray()) + "\n";
    }
}
