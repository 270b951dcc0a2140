using Portolan.Core.Sets;

namespace Portolan.Nftables.Lab;

/// <summary>One connection attempt: from a host's address to another's, on a protocol and port.</summary>
public sealed record Probe(LabHost Source, LabHost Destination, Protocol Protocol, int Port)
{
    public override string ToString() => $"{Source.Address} -> {Destination.Address} {Protocol} {Port}";
}

/// <summary>What the kernel did with a probe.</summary>
public enum KernelVerdict
{
    /// <summary>TCP/SCTP connected, or the UDP request got its reply.</summary>
    Allowed,

    /// <summary>Refused fast: a TCP reset or an ICMP error (the lab's rulesets reject instead of dropping).</summary>
    Rejected,

    /// <summary>No answer within the timeout, twice.</summary>
    TimedOut,
}
