using System.Net;
using System.Net.Sockets;
using Portolan.Core.Sets;

namespace Portolan.Nftables.Lab;

/// <summary>Socket kinds per protocol; SCTP is a stream socket with IPPROTO_SCTP where the kernel has it.</summary>
public static class Sockets
{
    private const ProtocolType Sctp = (ProtocolType)132;

    public static Socket Create(IPAddress address, Protocol protocol) => protocol switch
    {
        Protocol.UDP => new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp),
        Protocol.SCTP => new Socket(address.AddressFamily, SocketType.Stream, Sctp),
        _ => new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp),
    };

    /// <summary>Can this kernel open an SCTP socket? (Checked in the router namespace: no socket is left open.)</summary>
    public static bool SctpSupported(string netns)
    {
        try
        {
            return Netns.Run(netns, () =>
            {
                using var socket = Create(IPAddress.Loopback, Protocol.SCTP);
                return true;
            });
        }
        catch (LabException)
        {
            return false;
        }
    }
}
