using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portolan.Tests.Support;

namespace Portolan.Tests.Live;

/// <summary>
/// A fixture Kubernetes API server on 127.0.0.1 (random port, real HTTPS with a CA made by the
/// test): discovery, List objects with resourceVersion and limit/continue paging, single objects,
/// and chunked ?watch=true streams. Its responses are hand-written JSON under
/// test/fixtures/apiserver (discovery/ shared; one folder per scenario, GROUP/VERSION/PLURAL.json
/// holding a List). kubectl 1.32 reads it (KubectlFidelityTests).
/// </summary>
public sealed class FixtureApiServer : IAsyncDisposable
{
    public const string Token = "fixture-token";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<JsonObject>> _items = new(StringComparer.Ordinal);
    private readonly List<(long Version, string Resource, string Type, JsonObject Object)> _history = [];
    private readonly List<(string Resource, string? Namespace, Channel<string> Events)> _watchers = [];
    private long _version = 1000;
    private long _compactedBelow;

    public FixtureApiServer(string scenario, FixtureCertificates certificates)
    {
        Scenario = Path.Combine(Paths.RepoRoot, "test", "fixtures", "apiserver", scenario);
        foreach (var file in Directory.EnumerateFiles(Scenario, "*.json", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Scenario, file).Replace('\\', '/');
            var list = (JsonObject)JsonNode.Parse(File.ReadAllText(file))!;
            _items[relative[..^".json".Length]] = [.. ((JsonArray)list["items"]!).Select(i => (JsonObject)i!.DeepClone())];
        }
        // Not the working directory: other tests move it into scratch folders that they delete.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificates.Server)));
        _app = builder.Build();
        _app.Run(Handle);
        _app.StartAsync().GetAwaiter().GetResult();
        var address = _app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    public string Scenario { get; }

    /// <summary>https://127.0.0.1:PORT</summary>
    public string Url { get; }

    /// <summary>Group/versions served as if their CRDs were not installed (404 on discovery, absent from /apis).</summary>
    public HashSet<string> Hidden { get; } = new(StringComparer.Ordinal);

    /// <summary>Resources (plurals) the fixture's user may not read: 403 with a Status, as RBAC answers.</summary>
    public HashSet<string> Forbidden { get; } = new(StringComparer.Ordinal);

    /// <summary>The most items a page holds whatever limit asks (a server may return fewer).</summary>
    public int MaxPage { get; set; } = 500;

    /// <summary>Every request's path and query, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Adds, replaces or deletes an object (type ADDED, MODIFIED, DELETED) and tells the open watches.</summary>
    public void Apply(string type, string resource, JsonObject item)
    {
        lock (_gate)
        {
            var version = ++_version;
            var copy = (JsonObject)item.DeepClone();
            ((JsonObject)copy["metadata"]!)["resourceVersion"] = version.ToString(CultureInfo.InvariantCulture);
            var items = _items.TryGetValue(resource, out var list) ? list : _items[resource] = [];
            var index = items.FindIndex(i => Key(i) == Key(copy));
            if (type == "DELETED") { if (index >= 0) items.RemoveAt(index); }
            else if (index >= 0) items[index] = copy;
            else items.Add(copy);
            _history.Add((version, resource, type, copy));
            var line = Event(type, copy);
            foreach (var watcher in _watchers.Where(w => w.Resource == resource && (w.Namespace is null || w.Namespace == Namespace(copy))))
                watcher.Events.Writer.TryWrite(line);
        }
    }

    /// <summary>Forgets history: a watch from an older resourceVersion now gets 410 Gone. Open watches are closed.</summary>
    public void Compact()
    {
        lock (_gate)
        {
            _compactedBelow = _version + 1;
            foreach (var watcher in _watchers) watcher.Events.Writer.TryComplete();
            _watchers.Clear();
        }
    }

    public int OpenWatches
    {
        get { lock (_gate) return _watchers.Count; }
    }

    /// <summary>A kubeconfig for this server (CA and token), written to <paramref name="directory"/>.</summary>
    public string WriteKubeconfig(TempDirectory directory, FixtureCertificates certificates, string? ns = null, string name = "kubeconfig") =>
        Path.Combine(directory.Path, directory.Write(name, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: fixture
              cluster:
                server: {Url}
                certificate-authority-data: {System.Convert.ToBase64String(Encoding.ASCII.GetBytes(certificates.AuthorityPem))}
            users:
            - name: reader
              user:
                token: {Token}
            contexts:
            - name: fixture
              context:
                cluster: fixture
                user: reader{(ns is null ? "" : $"\n    namespace: {ns}")}
            current-context: fixture
            """));

    private async Task Handle(HttpContext http)
    {
        var request = http.Request;
        Requests.Enqueue(request.Path + request.QueryString);
        if (request.Headers.Authorization.ToString() != $"Bearer {Token}")
        {
            await Status(http, 401, "Unauthorized", "Unauthorized");
            return;
        }
        var segments = request.Path.Value!.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var discovery = Discovery(segments);
        if (discovery is not null)
        {
            await Json(http, discovery);
            return;
        }
        if (!TryResource(segments, out var groupVersion, out var ns, out var plural, out var name) || Hidden.Contains(groupVersion)
            || DiscoveryOf(groupVersion) is not { } document || !Lists(document, plural))
        {
            await Status(http, 404, "NotFound", "the server could not find the requested resource");
            return;
        }
        var group = groupVersion.Contains('/', StringComparison.Ordinal) ? groupVersion[..groupVersion.IndexOf('/', StringComparison.Ordinal)] : "";
        var watch = request.Query["watch"] is var w && (w == "true" || w == "1");
        if (Forbidden.Contains(plural))
        {
            var verb = watch ? "watch" : name is null ? "list" : "get";
            var scope = ns is null ? "at the cluster scope" : $"in the namespace \"{ns}\"";
            await Status(http, 403, "Forbidden",
                $"{plural}{(group.Length == 0 ? "" : "." + group)} is forbidden: User \"system:serviceaccount:default:reader\" cannot {verb} resource \"{plural}\" in API group \"{group}\" {scope}");
            return;
        }
        var resource = $"{(group.Length == 0 ? "core" : group)}/{groupVersion.Split('/')[^1]}/{plural}";
        if (watch) await Watch(http, resource, ns);
        else if (name is not null) await Get(http, resource, ns, name);
        else await List(http, resource, ns, Kind(document, plural));
    }

    private async Task Get(HttpContext http, string resource, string? ns, string name)
    {
        JsonObject? item;
        lock (_gate) item = Items(resource).FirstOrDefault(i => Namespace(i) == ns && Name(i) == name)?.DeepClone() as JsonObject;
        if (item is null)
        {
            await Status(http, 404, "NotFound", $"\"{name}\" not found");
            return;
        }
        // A single object carries its apiVersion and kind (list items of built-in kinds do not).
        var whole = new JsonObject { ["apiVersion"] = ApiVersionOf(resource), ["kind"] = Kind(DiscoveryOf(ApiVersionOf(resource))!, resource.Split('/')[^1]) };
        foreach (var (key, value) in item.ToList())
        {
            item.Remove(key);
            whole[key] = value;
        }
        await Json(http, whole);
    }

    private async Task List(HttpContext http, string resource, string? ns, string kind)
    {
        var query = http.Request.Query;
        var limit = int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var l) && l > 0 ? Math.Min(l, MaxPage) : MaxPage;
        var offset = 0;
        string version;
        List<JsonObject> matching;
        lock (_gate)
        {
            version = _version.ToString(CultureInfo.InvariantCulture);
            if (query["continue"].ToString() is { Length: > 0 } token)
            {
                // The token holds the list's resourceVersion and the next offset, as the real server's does (base64 JSON).
                var decoded = JsonNode.Parse(Encoding.UTF8.GetString(System.Convert.FromBase64String(token)))!;
                version = decoded["rv"]!.GetValue<string>();
                offset = decoded["start"]!.GetValue<int>();
            }
            matching = [.. Items(resource).Where(i => ns is null || Namespace(i) == ns).OrderBy(i => Namespace(i), StringComparer.Ordinal).ThenBy(Name, StringComparer.Ordinal)
                .Select(i => (JsonObject)i.DeepClone())];
        }
        var page = matching.Skip(offset).Take(limit).ToList();
        var metadata = new JsonObject { ["resourceVersion"] = version };
        var rest = matching.Count - offset - page.Count;
        if (rest > 0)
        {
            metadata["continue"] = System.Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject { ["v"] = "meta.k8s.io/v1", ["rv"] = version, ["start"] = offset + page.Count }.ToJsonString()));
            metadata["remainingItemCount"] = rest;
        }
        await Json(http, new JsonObject
        {
            ["kind"] = kind + "List",
            ["apiVersion"] = ApiVersionOf(resource),
            ["metadata"] = metadata,
            ["items"] = new JsonArray([.. page]),
        });
    }

    private async Task Watch(HttpContext http, string resource, string? ns)
    {
        var query = http.Request.Query;
        var from = long.TryParse(query["resourceVersion"], CultureInfo.InvariantCulture, out var v) ? v : 0;
        var timeout = int.TryParse(query["timeoutSeconds"], CultureInfo.InvariantCulture, out var t) ? t : 1800;
        var events = Channel.CreateUnbounded<string>();
        lock (_gate)
        {
            if (from > 0 && from < _compactedBelow)
            {
                events.Writer.TryWrite(Event("ERROR", new JsonObject
                {
                    ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Failure",
                    ["message"] = $"too old resource version: {from} ({_compactedBelow})", ["reason"] = "Expired", ["code"] = 410,
                }));
                events.Writer.TryComplete();
            }
            else
            {
                foreach (var (version, r, type, item) in _history.Where(h => h.Version > from && h.Resource == resource && (ns is null || Namespace(h.Object) == ns)))
                    events.Writer.TryWrite(Event(type, item));
                if (query["allowWatchBookmarks"] == "true")
                {
                    events.Writer.TryWrite(Event("BOOKMARK", new JsonObject { ["kind"] = "Pod", ["apiVersion"] = "v1", ["metadata"] = new JsonObject { ["resourceVersion"] = _version.ToString(CultureInfo.InvariantCulture) } }));
                }
                _watchers.Add((resource, ns, events));
            }
        }
        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        stop.CancelAfter(TimeSpan.FromSeconds(timeout));
        try
        {
            await http.Response.StartAsync(stop.Token);
            await foreach (var line in events.Reader.ReadAllAsync(stop.Token))
            {
                await http.Response.WriteAsync(line + "\n", stop.Token);
                await http.Response.Body.FlushAsync(stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Timed out or the client went away: the stream ends, as the real server's does.
        }
        finally
        {
            lock (_gate) _watchers.RemoveAll(w => w.Events == events);
        }
    }

    private static string ApiVersionOf(string resource) => resource.StartsWith("core/", StringComparison.Ordinal) ? "v1" : resource[..resource.LastIndexOf('/')];

    private static string Event(string type, JsonObject item) => new JsonObject { ["type"] = type, ["object"] = item.DeepClone() }.ToJsonString();

    private List<JsonObject> Items(string resource) => _items.TryGetValue(resource, out var items) ? items : [];

    private JsonObject? Discovery(string[] segments)
    {
        var path = string.Join('/', segments);
        if (path is "version" or "api") return Read(path);
        if (path == "apis")
        {
            var groups = Read("apis")!;
            var list = (JsonArray)groups["groups"]!;
            foreach (var group in list.ToList())
            {
                var versions = (JsonArray)group!["versions"]!;
                foreach (var version in versions.ToList()) if (Hidden.Contains(version!["groupVersion"]!.GetValue<string>())) versions.Remove(version);
                if (versions.Count == 0) list.Remove(group);
                else group["preferredVersion"] = versions[0]!.DeepClone();
            }
            return groups;
        }
        if (segments.Length == 2 && segments[0] == "api") return DiscoveryOf(segments[1]);
        if (segments.Length == 3 && segments[0] == "apis") return Hidden.Contains($"{segments[1]}/{segments[2]}") ? null : DiscoveryOf($"{segments[1]}/{segments[2]}");
        return null;
    }

    private static JsonObject? DiscoveryOf(string groupVersion) => Read(groupVersion.Contains('/', StringComparison.Ordinal) ? groupVersion.Replace('/', '_') : $"core_{groupVersion}");

    private static JsonObject? Read(string name)
    {
        var file = Path.Combine(Paths.RepoRoot, "test", "fixtures", "apiserver", "discovery", name + ".json");
        return File.Exists(file) ? (JsonObject)JsonNode.Parse(File.ReadAllText(file))! : null;
    }

    private static bool Lists(JsonObject document, string plural) => ((JsonArray)document["resources"]!).Any(r => r!["name"]!.GetValue<string>() == plural);

    private static string Kind(JsonObject document, string plural) =>
        ((JsonArray)document["resources"]!).First(r => r!["name"]!.GetValue<string>() == plural)!["kind"]!.GetValue<string>();

    // /api/v1[/namespaces/NS]/PLURAL[/NAME] and /apis/GROUP/VERSION[/namespaces/NS]/PLURAL[/NAME].
    private static bool TryResource(string[] segments, out string groupVersion, out string? ns, out string plural, out string? name)
    {
        (groupVersion, ns, plural, name) = ("", null, "", null);
        int rest;
        if (segments.Length >= 3 && segments[0] == "api") (groupVersion, rest) = (segments[1], 2);
        else if (segments.Length >= 4 && segments[0] == "apis") (groupVersion, rest) = ($"{segments[1]}/{segments[2]}", 3);
        else return false;
        var tail = segments[rest..];
        if (tail.Length >= 3 && tail[0] == "namespaces") (ns, tail) = (tail[1], tail[2..]);
        if (tail.Length is < 1 or > 2) return false;
        plural = tail[0];
        name = tail.Length == 2 ? tail[1] : null;
        return true;
    }

    private static string? Namespace(JsonObject item) => item["metadata"]?["namespace"]?.GetValue<string>();

    private static string Name(JsonObject item) => item["metadata"]?["name"]?.GetValue<string>() ?? "";

    private static (string?, string) Key(JsonObject item) => (Namespace(item), Name(item));

    private static Task Json(HttpContext http, JsonNode body)
    {
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(body.ToJsonString());
    }

    private static Task Status(HttpContext http, int code, string reason, string message)
    {
        http.Response.StatusCode = code;
        return Json(http, new JsonObject
        {
            ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Failure",
            ["message"] = message, ["reason"] = reason, ["code"] = code,
        });
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers) watcher.Events.Writer.TryComplete();
        }
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
