using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using Portolan.Core.Sets;

namespace Portolan.Nftables.Lab;

/// <summary>
/// Runs probes from inside their source namespaces. Sockets are created on a thread in the source's
/// namespace (in chunks, to bound open descriptors); connects and receives then run concurrently, at most
/// <see cref="Concurrency"/> at a time. A probe that times out is tried once more with five times the timeout
/// (at least a second) before it counts: the lab's rulesets reject, so only a loaded machine is slow to answer.
/// </summary>
public sealed class Prober(TimeSpan timeout)
{
    private const int Chunk = 64;

    private int _retried;

    public int Concurrency { get; init; } = 64;

    /// <summary>Probes that timed out once and were tried again (whatever the second answer).</summary>
    public int Retried => _retried;

    public ImmutableArray<KernelVerdict> Run(IReadOnlyList<Probe> probes, CancellationToken cancel) =>
        RunAsync(probes, cancel).GetAwaiter().GetResult();

    public async Task<ImmutableArray<KernelVerdict>> RunAsync(IReadOnlyList<Probe> probes, CancellationToken cancel)
    {
        var verdicts = new KernelVerdict[probes.Count];
        var bySource = Enumerable.Range(0, probes.Count).GroupBy(i => probes[i].Source).ToList();
        using var gate = new SemaphoreSlim(Concurrency);
        await Parallel.ForEachAsync(bySource, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancel }, async (group, token) =>
        {
            foreach (var chunk in group.Chunk(Chunk)) await RunChunk(probes, chunk, verdicts, gate, token);
        });
        return [.. verdicts];
    }

    private async Task RunChunk(IReadOnlyList<Probe> probes, int[] chunk, KernelVerdict[] verdicts, SemaphoreSlim gate, CancellationToken cancel)
    {
        var source = probes[chunk[0]].Source;
        for (int attempt = 0; attempt < 2 && chunk.Length > 0; attempt++)
        {
            var sockets = await Netns.RunAsync(source.Netns, () => chunk.Select(i => Sockets.Create(source.Address, probes[i].Protocol)).ToArray());
            try
            {
                var wait = attempt == 0 ? timeout : TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, timeout.Ticks * 5));
                var results = await Task.WhenAll(chunk.Select((i, k) => Once(sockets[k], probes[i], wait, gate, cancel)));
                for (int k = 0; k < chunk.Length; k++) verdicts[chunk[k]] = results[k];
            }
            finally
            {
                foreach (var socket in sockets) socket.Dispose();
            }
            chunk = [.. chunk.Where(i => verdicts[i] == KernelVerdict.TimedOut)];
            if (attempt == 0) Interlocked.Add(ref _retried, chunk.Length);
        }
    }

    private static async Task<KernelVerdict> Once(Socket socket, Probe probe, TimeSpan timeout, SemaphoreSlim gate, CancellationToken cancel)
    {
        await gate.WaitAsync(cancel);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            deadline.CancelAfter(timeout);
            var target = new IPEndPoint(probe.Destination.Address, probe.Port);
            socket.Bind(new IPEndPoint(probe.Source.Address, 0));
            if (probe.Protocol == Protocol.UDP)
            {
                socket.Connect(target);
                await socket.SendAsync(new byte[] { 0x70 }, SocketFlags.None, deadline.Token);
                var buffer = new byte[16];
                await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token);
            }
            else
            {
                await socket.ConnectAsync(target, deadline.Token);
            }
            return KernelVerdict.Allowed;
        }
        catch (SocketException)
        {
            return KernelVerdict.Rejected;
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return KernelVerdict.TimedOut;
        }
        finally
        {
            gate.Release();
        }
    }
}
