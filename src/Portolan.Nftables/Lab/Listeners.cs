using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using Portolan.Core.Sets;

namespace Portolan.Nftables.Lab;

/// <summary>
/// Listening sockets inside the hosts' namespaces, served by this process: TCP and SCTP accept and close,
/// UDP echoes each datagram. They live until Dispose; nothing outlives the process.
/// </summary>
public sealed class Listeners : IDisposable
{
    private readonly List<Socket> _sockets = [];
    private readonly List<Task> _loops = [];
    private readonly CancellationTokenSource _stop = new();

    public int Count => _sockets.Count;

    public void Start(LabHost host, ImmutableArray<(Protocol Protocol, int Port)> ports)
    {
        var opened = Netns.Run(host.Netns, () =>
        {
            var list = new List<(Socket, Protocol)>();
            try
            {
                foreach (var (protocol, port) in ports)
                {
                    var socket = Sockets.Create(host.Address, protocol);
                    list.Add((socket, protocol));
                    // A second round listens again on ports whose accepted connections may sit in TIME_WAIT.
                    if (protocol != Protocol.UDP) socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                    socket.Bind(new IPEndPoint(host.Address, port));
                    if (protocol != Protocol.UDP) socket.Listen(1024);
                }
            }
            catch (SocketException e)
            {
                foreach (var (socket, _) in list) socket.Dispose();
                throw new LabException($"cannot listen in {host}: {e.Message}");
            }
            return list;
        });
        foreach (var (socket, protocol) in opened)
        {
            _sockets.Add(socket);
            _loops.Add(protocol == Protocol.UDP ? Echo(socket, _stop.Token) : Accept(socket, _stop.Token));
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        foreach (var socket in _sockets) socket.Dispose();
        try
        {
            Task.WaitAll([.. _loops], TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // Loops end by cancellation or by their socket being closed; either is the expected end.
        }
        _stop.Dispose();
    }

    private static async Task Accept(Socket listener, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                using var connection = await listener.AcceptAsync(stop);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private static async Task Echo(Socket socket, CancellationToken stop)
    {
        var buffer = new byte[64];
        EndPoint any = socket.AddressFamily == AddressFamily.InterNetworkV6 ? new IPEndPoint(IPAddress.IPv6Any, 0) : new IPEndPoint(IPAddress.Any, 0);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, stop);
                await socket.SendToAsync(buffer.AsMemory(0, received.ReceivedBytes), SocketFlags.None, received.RemoteEndPoint, stop);
            }
            catch (SocketException) when (!stop.IsCancellationRequested)
            {
                // A reply the ruleset refuses is the kernel's answer, not the listener's end.
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
        }
    }
}
