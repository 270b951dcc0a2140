using System.Collections.Immutable;

namespace Portolan.Core.Analysis;

/// <summary>Every allowed connection between peers, sorted ordinally by (source, destination).</summary>
public sealed record ConnectivityResult(
    ImmutableArray<ReportPeer> Peers,
    ImmutableArray<Connection> Connections,
    ImmutableArray<string> Warnings);
