using Portolan.Core.Sets;

namespace Portolan.Core.Analysis;

/// <summary>One line of the connectivity list: what Source may open toward Destination.</summary>
public sealed record Connection(ReportPeer Source, ReportPeer Destination, ConnectionSet Allowed);
