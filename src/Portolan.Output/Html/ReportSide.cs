using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Sets;

namespace Portolan.Output.Html;

/// <summary>One analysed state as the page reads it: each peer's endpoint, and the allowed set of every pair.</summary>
internal sealed class ReportSide
{
    public ReportSide(CompressedReport report)
    {
        report.DecideAll();
        Report = report;
        Sources = report.Sources.ToDictionary(s => s.Peer.Name, s => s.Endpoint, StringComparer.Ordinal);
        Destinations = report.Destinations.ToDictionary(d => d.Peer.Name, d => d.Endpoint, StringComparer.Ordinal);
        Connections = [.. report.Connections()];
        Allowed = Connections.ToDictionary(c => (c.Source.Name, c.Destination.Name), c => c.Allowed);
        Explainer = new PairExplainer(report.Engine);
    }

    public CompressedReport Report { get; }

    public Dictionary<string, int> Sources { get; }

    public Dictionary<string, int> Destinations { get; }

    public List<Connection> Connections { get; }

    public Dictionary<(string, string), ConnectionSet> Allowed { get; }

    public PairExplainer Explainer { get; }

    public ConnectivityResult Result => new(Report.Peers, [.. Connections], Report.Warnings);

    /// <summary>The allowed set of a pair; empty when nothing is allowed or a peer is absent.</summary>
    public ConnectionSet Of(string source, string destination) =>
        Allowed.TryGetValue((source, destination), out var set) ? set : ConnectionSet.None;
}
