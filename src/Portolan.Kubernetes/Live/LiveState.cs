using System.Collections.Immutable;
using Portolan.Core.Model;

namespace Portolan.Kubernetes.Live;

/// <summary>
/// The objects read from a cluster, per resource, with the resourceVersion each list was read at,
/// and the resources the cluster does not serve. <see cref="Build"/> loads them exactly as files are
/// loaded, then folds workloads (<see cref="WorkloadFolding"/>).
/// </summary>
public sealed class LiveState
{
    private readonly Dictionary<ApiResource, SortedDictionary<(string? Namespace, string Name), LiveObject>> _objects = [];
    private readonly Dictionary<ApiResource, string> _versions = [];
    private readonly HashSet<ApiResource> _absent = [];

    public IReadOnlySet<ApiResource> Absent => _absent;

    public string? ResourceVersion(ApiResource resource) => _versions.GetValueOrDefault(resource);

    public IReadOnlyCollection<LiveObject> Objects(ApiResource resource) =>
        _objects.TryGetValue(resource, out var objects) ? objects.Values : [];

    public LiveObject? Find(ApiResource resource, (string? Namespace, string Name) key) =>
        _objects.TryGetValue(resource, out var objects) ? objects.GetValueOrDefault(key) : null;

    public void MarkAbsent(ApiResource resource) => _absent.Add(resource);

    /// <summary>Replaces everything known of <paramref name="resource"/> with a fresh list.</summary>
    public void Replace(ApiResource resource, IEnumerable<LiveObject> objects, string? resourceVersion)
    {
        var map = new SortedDictionary<(string? Namespace, string Name), LiveObject>(KeyComparer.Instance);
        foreach (var item in objects) map[item.Key] = item;
        _objects[resource] = map;
        _absent.Remove(resource);
        SetVersion(resource, resourceVersion);
    }

    public void Put(LiveObject item)
    {
        if (!_objects.TryGetValue(item.Resource, out var map)) _objects[item.Resource] = map = new(KeyComparer.Instance);
        map[item.Key] = item;
    }

    public void Remove(LiveObject item)
    {
        if (_objects.TryGetValue(item.Resource, out var map)) map.Remove(item.Key);
    }

    public void SetVersion(ApiResource resource, string? resourceVersion)
    {
        if (!string.IsNullOrEmpty(resourceVersion)) _versions[resource] = resourceVersion;
    }

    /// <summary>The controllers of workload objects: ReplicaSet → Deployment, Job → CronJob, and any other owner.</summary>
    public IReadOnlyDictionary<WorkloadRef, WorkloadRef> Controllers()
    {
        var result = new Dictionary<WorkloadRef, WorkloadRef>();
        foreach (var resource in ApiResource.All.Where(r => Parsing.PodParser.WorkloadKinds.Contains(r.Kind)))
        {
            foreach (var item in Objects(resource))
            {
                if (item.Controller is { } owner) result[new WorkloadRef(item.Namespace ?? "", item.Name, resource.Kind)] = owner;
            }
        }
        return result;
    }

    /// <summary>Loads every object as the files path does (same parsers, checks and notes) and folds workloads.</summary>
    public Cluster Build(Action<string> note)
    {
        var loader = new ManifestLoader(TextReader.Null, note);
        foreach (var resource in ApiResource.All)
        {
            foreach (var item in Objects(resource).Where(o => !o.Finished)) loader.LoadText(new StringReader(item.Text), item.Url);
        }
        var cluster = loader.Load([]);
        return WorkloadFolding.Fold(cluster, Controllers(), TemplateUrls());
    }

    /// <summary>URLs of workload objects: the pods the loader makes of them are templates, not running pods.</summary>
    public ImmutableHashSet<string> TemplateUrls() =>
        ApiResource.All.Where(r => Parsing.PodParser.WorkloadKinds.Contains(r.Kind)).SelectMany(Objects).Select(o => o.Url).ToImmutableHashSet(StringComparer.Ordinal);

    private sealed class KeyComparer : IComparer<(string? Namespace, string Name)>
    {
        public static KeyComparer Instance { get; } = new();

        public int Compare((string? Namespace, string Name) x, (string? Namespace, string Name) y)
        {
            var ns = string.CompareOrdinal(x.Namespace, y.Namespace);
            return ns != 0 ? ns : string.CompareOrdinal(x.Name, y.Name);
        }
    }
}
