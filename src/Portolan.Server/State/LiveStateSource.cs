using Portolan.Kubernetes.Live;

namespace Portolan.Server.State;

/// <summary>
/// The state from a live cluster: listed, then kept current by watching (docs/live.md). Policy and pod
/// events are applied incrementally; anything else (namespaces, nodes, workloads, a relist) replaces it.
/// </summary>
public sealed class LiveStateSource(Func<ApiClient> connect, string? ns, Action<string> note) : IStateSource
{
    private string _description = "the cluster";

    public string Description => _description;

    public async Task RunAsync(PolicyState state, CancellationToken cancellation)
    {
        using var client = connect();
        _description = $"{client.Server} ({(ns is null ? "all namespaces" : $"namespace {ns}")})";
        var watcher = new ClusterWatcher(client, ns, note);
        try
        {
            await foreach (var change in watcher.WatchAsync(cancellation).ConfigureAwait(false))
            {
                switch (change)
                {
                    case ClusterReplaced replaced:
                        state.Replace(replaced.Cluster);
                        break;
                    case ClusterChanged changed:
                        state.Store(changed.Change);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
