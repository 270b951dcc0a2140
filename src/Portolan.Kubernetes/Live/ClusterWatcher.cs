using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Model;

namespace Portolan.Kubernetes.Live;

/// <summary>
/// Lists a cluster, then watches every resource it read (<c>?watch=true&amp;resourceVersion=…</c>,
/// with bookmarks) and reports what changed as <see cref="ClusterEvent"/>s: policies and pods as
/// incremental changes, everything else as a rebuilt state. A 410 Gone (expired resourceVersion)
/// relists that resource; a broken stream is reopened from the last resourceVersion seen.
/// </summary>
public sealed class ClusterWatcher(ApiClient client, string? ns, Action<string> note)
{
    private readonly Lock _gate = new();
    private readonly Channel<ClusterEvent> _events = Channel.CreateUnbounded<ClusterEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, Pod> _pods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Policy> _policies = new(StringComparer.Ordinal);
    private readonly Dictionary<WorkloadRef, int> _running = [];
    private readonly Dictionary<WorkloadRef, Pod> _standIns = [];
    private LiveState _state = new();

    public int PageSize { get; init; } = 500;

    /// <summary>How long to wait before reopening a watch that failed (other than 410 Gone).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the server may keep one watch open before it is reopened (timeoutSeconds).</summary>
    public int WatchTimeoutSeconds { get; init; } = 300;

    /// <summary>
    /// The first event is the listed state (<see cref="ClusterReplaced"/>); then changes as they happen,
    /// until <paramref name="cancel"/>. A failure of the first list is thrown (<see cref="LiveException"/>).
    /// </summary>
    public async IAsyncEnumerable<ClusterEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancel)
    {
        var reader = new LiveReader(client, ns, note) { PageSize = PageSize };
        var state = await reader.ReadAsync(cancel);
        lock (_gate)
        {
            _state = state;
            Replace(_state.Build(note), "listed");
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var watches = ApiResource.All.Where(r => !state.Absent.Contains(r)).Select(r => Task.Run(() => WatchResource(r, reader, stop.Token), CancellationToken.None)).ToList();
        try
        {
            await foreach (var item in _events.Reader.ReadAllAsync(cancel)) yield return item;
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(watches);
        }
    }

    private async Task WatchResource(ApiResource resource, LiveReader reader, CancellationToken cancel)
    {
        while (!cancel.IsCancellationRequested)
        {
            try
            {
                string? version;
                lock (_gate) version = _state.ResourceVersion(resource);
                var path = resource.CollectionPath(ns) + $"?watch=true&allowWatchBookmarks=true&timeoutSeconds={WatchTimeoutSeconds}"
                    + (version is null ? "" : $"&resourceVersion={Uri.EscapeDataString(version)}");
                await foreach (var item in client.WatchAsync(path, resource.Verb("watch", ns), cancel))
                {
                    lock (_gate) Handle(resource, item);
                }
            }
            catch (ResourceExpiredException)
            {
                try
                {
                    var (objects, version) = await reader.ListAsync(resource, cancel);
                    lock (_gate)
                    {
                        _state.Replace(resource, objects, version);
                        Rebuild($"relisted {resource.Display} after its resourceVersion expired (410 Gone)");
                    }
                }
                catch (LiveException e) when (!cancel.IsCancellationRequested)
                {
                    note($"warning: {e.Message}; retrying");
                    await Delay(cancel);
                }
                catch (OperationCanceledException) when (cancel.IsCancellationRequested)
                {
                    return;
                }
            }
            catch (LiveException e) when (!cancel.IsCancellationRequested)
            {
                note($"warning: {e.Message}; watching again");
                await Delay(cancel);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task Delay(CancellationToken cancel)
    {
        try
        {
            await Task.Delay(RetryDelay, cancel);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private void Handle(ApiResource resource, WatchEvent item)
    {
        if (item.Type == "ERROR")
        {
            if (item.StatusCode == 410) throw new ResourceExpiredException(item.StatusMessage ?? "410 Gone");
            throw new LiveException($"the watch of {resource.Display} at {client.Server} sent an error: {item.StatusMessage ?? item.Object.ToJsonString()}");
        }
        var live = LiveObject.From(resource, item.Object, client.Url);
        _state.SetVersion(resource, live.ResourceVersion);
        if (item.Type == "BOOKMARK") return;
        var old = _state.Find(resource, live.Key);
        if (item.Type != "DELETED" && old?.Fingerprint == live.Fingerprint)
        {
            _state.Put(live);
            return;
        }
        // An object the analysis cannot read is treated as absent, as it would stop a manifest load.
        var parsed = item.Type == "DELETED" ? null : Parse(live);
        if (parsed is null && old is null) return;
        if (parsed is null) _state.Remove(old!);
        else _state.Put(live);
        var what = $"{item.Type} {resource.Kind} {(live.Namespace is null ? live.Name : $"{live.Namespace}/{live.Name}")}";
        if (resource.IsPolicy) PolicyEvent(old, parsed?.Policies.FirstOrDefault(), what);
        else if (resource.Kind == "Pod") PodEvent(old, live.Finished ? null : parsed?.Pods.FirstOrDefault(), what);
        else Rebuild(what);
    }

    private void PolicyEvent(LiveObject? old, Policy? after, string what)
    {
        var before = old is null ? null : _policies.GetValueOrDefault(old.Url);
        if (before is not null) _policies.Remove(before.Origin.File);
        if (after is not null) _policies[after.Origin.File] = after;
        Change? change = (before, after) switch
        {
            (null, { } added) => new PolicyAdded(added),
            ({ } removed, null) => new PolicyRemoved(removed),
            ({ } changedFrom, { } changedTo) => new PolicyChanged(changedFrom, changedTo),
            _ => null,
        };
        if (change is not null) _events.Writer.TryWrite(new ClusterChanged(change, what));
    }

    private void PodEvent(LiveObject? old, Pod? parsed, string what)
    {
        var controllers = _state.Controllers();
        var before = old is null ? null : _pods.GetValueOrDefault(old.Url);
        var after = parsed is null ? null : WorkloadFolding.Top(parsed, controllers);
        if (before is not null)
        {
            Emit(new PodRemoved(before), what);
            _pods.Remove(before.Origin.File);
            if (--_running[before.Workload] == 0)
            {
                _running.Remove(before.Workload);
                if (after?.Workload != before.Workload && StandIn(before.Workload, controllers) is { } template)
                {
                    _pods[template.Origin.File] = template;
                    _standIns[template.Workload] = template;
                    Emit(new PodAdded(template), $"{what}: no running pod is left, so its template stands in");
                }
            }
        }
        if (after is null) return;
        if (_standIns.Remove(after.Workload, out var standing))
        {
            _pods.Remove(standing.Origin.File);
            Emit(new PodRemoved(standing), $"{what}: a running pod replaces its template");
        }
        _pods[after.Origin.File] = after;
        _running[after.Workload] = _running.GetValueOrDefault(after.Workload) + 1;
        Emit(new PodAdded(after), what);
    }

    private void Emit(Change change, string what) => _events.Writer.TryWrite(new ClusterChanged(change, what));

    private Pod? StandIn(WorkloadRef workload, IReadOnlyDictionary<WorkloadRef, WorkloadRef> controllers)
    {
        if (controllers.ContainsKey(workload)) return null;
        var resource = ApiResource.All.FirstOrDefault(r => r.Kind == workload.Kind);
        var item = resource is null ? null : _state.Find(resource, (workload.Namespace, workload.Name));
        return item is null ? null : Parse(item)?.Pods.FirstOrDefault();
    }

    private Cluster? Parse(LiveObject item)
    {
        var loader = new ManifestLoader(TextReader.Null, note);
        try
        {
            loader.LoadText(new StringReader(item.Text), item.Url);
            return loader.Collected();
        }
        catch (ManifestException e)
        {
            note($"warning: ignoring an object the analysis cannot read: {e.Message}");
            return null;
        }
    }

    private void Rebuild(string reason)
    {
        try
        {
            Replace(_state.Build(note), reason);
        }
        catch (ManifestException e)
        {
            note($"warning: {reason}: the new state cannot be loaded, keeping the previous one: {e.Message}");
        }
    }

    private void Replace(Cluster cluster, string reason)
    {
        _pods.Clear();
        _policies.Clear();
        _running.Clear();
        _standIns.Clear();
        var templates = _state.TemplateUrls();
        foreach (var pod in cluster.Pods)
        {
            _pods[pod.Origin.File] = pod;
            if (templates.Contains(pod.Origin.File)) _standIns[pod.Workload] = pod;
            else _running[pod.Workload] = _running.GetValueOrDefault(pod.Workload) + 1;
        }
        foreach (var policy in cluster.Policies) _policies[policy.Origin.File] = policy;
        _events.Writer.TryWrite(new ClusterReplaced(cluster, reason));
    }
}
