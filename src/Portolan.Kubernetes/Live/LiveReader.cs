using System.Text.Json.Nodes;
using Portolan.Core.Model;

namespace Portolan.Kubernetes.Live;

/// <summary>
/// Lists every resource the analysis reads, page by page (<c>limit</c> and <c>continue</c>), into a
/// <see cref="LiveState"/>. Namespaced resources come from one namespace, or from all when the
/// namespace is null; cluster-scoped ones (namespaces, nodes, admin-tier policies) always whole.
/// A CRD kind whose group/version the server does not serve is absent, with a note.
/// </summary>
public sealed class LiveReader(ApiClient client, string? ns, Action<string> note)
{
    /// <summary>Items asked for per page (kubectl's --chunk-size default).</summary>
    public int PageSize { get; init; } = 500;

    public async Task<LiveState> ReadAsync(CancellationToken cancel)
    {
        var state = new LiveState();
        var served = new Dictionary<string, JsonObject?>(StringComparer.Ordinal);
        foreach (var resource in ApiResource.All)
        {
            if (resource.Optional && !await Serves(resource, served, cancel))
            {
                state.MarkAbsent(resource);
                continue;
            }
            var (objects, version) = await ListAsync(resource, cancel);
            state.Replace(resource, objects, version);
        }
        return state;
    }

    /// <summary>Reads the cluster and builds it as files are built.</summary>
    public async Task<Cluster> ReadClusterAsync(CancellationToken cancel) => (await ReadAsync(cancel)).Build(note);

    /// <summary>Every object of one resource, following continue tokens; and the list's resourceVersion.</summary>
    public async Task<(List<LiveObject> Objects, string? ResourceVersion)> ListAsync(ApiResource resource, CancellationToken cancel)
    {
        var objects = new List<LiveObject>();
        string? next = null;
        string? version = null;
        var what = resource.Verb("list", ns);
        do
        {
            var query = $"?limit={PageSize}" + (next is null ? "" : $"&continue={Uri.EscapeDataString(next)}");
            var path = resource.CollectionPath(ns) + query;
            var list = await client.GetAsync(path, what, cancel)
                ?? throw new LiveException($"{client.Url(path)}: not found (404) trying to {what}: the server does not serve {resource.ApiVersion} {resource.Plural}");
            var metadata = list["metadata"] as JsonObject;
            version = JsonFields.Text(metadata?["resourceVersion"]) ?? version;
            next = JsonFields.Text(metadata?["continue"]);
            if (list["items"] is JsonArray items)
            {
                foreach (var item in items.OfType<JsonObject>().ToList())
                {
                    items.Remove(item);
                    objects.Add(LiveObject.From(resource, item, client.Url));
                }
            }
        }
        while (!string.IsNullOrEmpty(next));
        return (objects, version);
    }

    // Discovery of the group/version (GET /apis/GROUP/VERSION): a 404, or a document without the
    // resource, means the CRD is not installed.
    private async Task<bool> Serves(ApiResource resource, Dictionary<string, JsonObject?> served, CancellationToken cancel)
    {
        if (!served.TryGetValue(resource.GroupVersionPath, out var discovery))
        {
            discovery = await client.GetAsync(resource.GroupVersionPath, $"discover {resource.ApiVersion}", cancel);
            served[resource.GroupVersionPath] = discovery;
        }
        var listed = discovery?["resources"] is JsonArray resources
            && resources.OfType<JsonObject>().Any(r => JsonFields.Text(r["name"]) == resource.Plural);
        if (!listed)
        {
            note(discovery is null
                ? $"{client.Server} does not serve {resource.ApiVersion} (no {resource.Kind} CRD installed): {resource.Kind} objects are taken to be absent"
                : $"{client.Server} serves {resource.ApiVersion} but not {resource.Plural}: {resource.Kind} objects are taken to be absent");
        }
        return listed;
    }
}
