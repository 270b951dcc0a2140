using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis.Guardrails;

/// <summary>
/// One entry of a guardrail's <c>ports</c>: a protocol with a port range (all ports when omitted), or a
/// container port name resolved on each destination pod. Protocol null with a name: the named port's own protocol.
/// </summary>
public sealed record PortSelector(Protocol? Protocol, int From, int To, string? Name)
{
    /// <summary>What this entry covers toward one destination; a name resolves on pods only (semantics §3.7).</summary>
    public ConnectionSet For(Pod? destination)
    {
        if (Name is null) return ConnectionSet.Of(Protocol ?? Sets.Protocol.TCP, From, To);
        var port = destination?.FindPort(Name);
        if (port is null || (Protocol is { } wanted && wanted != port.Protocol)) return ConnectionSet.None;
        return ConnectionSet.Of(port.Protocol, port.Number, port.Number);
    }

    public override string ToString()
    {
        if (Name is not null) return Protocol is { } p ? $"{p} {Name}" : Name;
        var protocol = Protocol ?? Sets.Protocol.TCP;
        if (From == PortSet.MinPort && To == PortSet.MaxPort) return $"{protocol} (every port)";
        return From == To ? $"{protocol} {From}" : $"{protocol} {From}-{To}";
    }
}
