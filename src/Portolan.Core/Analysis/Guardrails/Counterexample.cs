using Portolan.Core.Sets;

namespace Portolan.Core.Analysis.Guardrails;

/// <summary>
/// A concrete connection that breaks a guardrail: its ends as reports name them (a workload, a pod, or
/// an external range), one (protocol, port) to try, and every offending (protocol, port) of that pair.
/// </summary>
public sealed record Counterexample(ReportPeer Source, ReportPeer Destination, Protocol Protocol, int Port, ConnectionSet Connections)
{
    /// <summary>
    /// The port to show: the destination pod's first container port in the set, so the example is one a
    /// server listens on; else the set's first (TCP before UDP before SCTP, lowest port first).
    /// </summary>
    public static (Protocol Protocol, int Port) First(ConnectionSet set, Model.Pod? destination = null)
    {
        foreach (var port in destination?.Ports ?? [])
        {
            if (set.Contains(port.Protocol, port.Number)) return (port.Protocol, port.Number);
        }
        foreach (var protocol in (Protocol[])[Protocol.TCP, Protocol.UDP, Protocol.SCTP])
        {
            var ports = set[protocol];
            if (!ports.IsEmpty) return (protocol, ports.Intervals[0].Start);
        }
        throw new ArgumentException("an empty set has no first connection", nameof(set));
    }

    public override string ToString() => $"{Source} => {Destination} : {Protocol} {Port}";
}
