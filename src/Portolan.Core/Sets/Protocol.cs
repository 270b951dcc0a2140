namespace Portolan.Core.Sets;

/// <summary>The transport protocols network policy governs, in output order (SCTP &lt; TCP &lt; UDP).</summary>
public enum Protocol
{
    SCTP = 0,
    TCP = 1,
    UDP = 2,
}

public static class Protocols
{
    public static IReadOnlyList<Protocol> All { get; } = [Protocol.SCTP, Protocol.TCP, Protocol.UDP];

    /// <summary>Parses the exact Kubernetes spelling; "tcp" is rejected as the API server does (semantics §3.7).</summary>
    public static bool TryParse(string text, out Protocol protocol)
    {
        switch (text)
        {
            case "TCP": protocol = Protocol.TCP; return true;
            case "UDP": protocol = Protocol.UDP; return true;
            case "SCTP": protocol = Protocol.SCTP; return true;
            default: protocol = default; return false;
        }
    }
}
