using Portolan.Core.Analysis;

namespace Portolan.Output;

/// <summary>Graphviz: one node per peer (namespaces as clusters), one labelled edge per allowed pair.</summary>
public static class ListDotRenderer
{
    public static void Render(ConnectivityResult result, TextWriter output)
    {
        var peers = result.Connections.SelectMany(c => new[] { c.Source, c.Destination }).Distinct()
            .OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        output.Write("digraph portolan {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n");
        foreach (var group in peers.OfType<WorkloadPeer>().GroupBy(p => p.Workload.Namespace))
        {
            output.Write($"  subgraph \"cluster_{Escape(group.Key)}\" {{\n    label=\"{Escape(group.Key)}\";\n");
            foreach (var peer in group) output.Write($"    \"{Escape(peer.Name)}\" [label=\"{Escape(peer.Workload.Name)}\\n[{Escape(peer.Workload.Kind)}]\"];\n");
            output.Write("  }\n");
        }
        foreach (var peer in peers.OfType<ExternalPeer>())
        {
            output.Write($"  \"{Escape(peer.Name)}\" [shape=ellipse, style=dashed];\n");
        }
        foreach (var c in result.Connections)
        {
            output.Write($"  \"{Escape(c.Source.Name)}\" -> \"{Escape(c.Destination.Name)}\" [label=\"{Escape(c.Allowed.ToString())}\"];\n");
        }
        output.Write("}\n");
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
