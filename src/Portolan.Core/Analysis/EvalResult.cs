using Portolan.Core.Sets;

namespace Portolan.Core.Analysis;

/// <summary>
/// The answer to one query: is (source, destination, protocol, port) allowed, and why on each side.
/// A side is null when that end is not a pod (external addresses have no policy of their own).
/// </summary>
public sealed record EvalResult(
    ReportPeer Source,
    ReportPeer Destination,
    Protocol Protocol,
    int Port,
    string? PortName,
    SideExplanation? Egress,
    SideExplanation? Ingress)
{
    public bool Allowed => (Egress?.Allowed ?? true) && (Ingress?.Allowed ?? true);
}
