using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portolan.Kubernetes.Live;

/// <summary>
/// A small Kubernetes API client over a resolved kubeconfig context: GET JSON and watch streams,
/// with failures turned into messages that name the server, the verb and the resource.
/// </summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly ClusterConnection _connection;
    private readonly ExecCredentialPlugin? _exec;

    public ApiClient(ClusterConnection connection, TimeSpan? timeout = null)
    {
        _connection = connection;
        _exec = connection.User.Exec is { } exec ? new ExecCredentialPlugin(exec, connection.Cluster.Server) : null;
        _http = new HttpClient(Handler(connection), disposeHandler: true)
        {
            BaseAddress = connection.Cluster.Server,
            // Watches run for as long as the caller wants; plain requests are bounded per call.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        RequestTimeout = timeout ?? TimeSpan.FromSeconds(30);
    }

    public ClusterConnection Connection => _connection;

    /// <summary>How the server is named in messages: its URL as the kubeconfig gives it.</summary>
    public string Server => _connection.Cluster.Server.ToString().TrimEnd('/');

    public TimeSpan RequestTimeout { get; }

    /// <summary>The absolute URL of a path on this server, as messages and source locations name objects.</summary>
    public string Url(string path) => Server + path;

    /// <summary>
    /// GET a JSON object. Returns null on 404 (the caller knows whether that means "absent");
    /// throws <see cref="LiveException"/> for every other failure, naming <paramref name="what"/>
    /// (e.g. "list networkpolicies.networking.k8s.io in all namespaces").
    /// </summary>
    public async Task<JsonObject?> GetAsync(string path, string what, CancellationToken cancel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(RequestTimeout);
        using var response = await SendAsync(path, what, HttpCompletionOption.ResponseContentRead, timeout.Token, cancel);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        var body = await response.Content.ReadAsStringAsync(timeout.Token);
        if (!response.IsSuccessStatusCode) throw Failure(response.StatusCode, body, path, what);
        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw new LiveException($"{Url(path)}: the API server answered {what} with JSON that is not an object");
        }
        catch (JsonException e)
        {
            throw new LiveException($"{Url(path)}: the API server answered {what} with invalid JSON: {e.Message}");
        }
    }

    /// <summary>
    /// Opens a watch (the path carries ?watch=true) and yields its events as they arrive, one JSON
    /// object per line. Ends when the server closes the stream. A 410 Gone at the start is raised as
    /// <see cref="ResourceExpiredException"/>, so the caller relists.
    /// </summary>
    public async IAsyncEnumerable<WatchEvent> WatchAsync(string path, string what, [EnumeratorCancellation] CancellationToken cancel)
    {
        using var response = await SendAsync(path, what, HttpCompletionOption.ResponseHeadersRead, cancel, cancel);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancel);
            if (response.StatusCode == HttpStatusCode.Gone) throw new ResourceExpiredException($"{Url(path)}: {StatusMessage(body) ?? "410 Gone"}");
            throw Failure(response.StatusCode, body, path, what);
        }
        using var stream = await response.Content.ReadAsStreamAsync(cancel);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (true)
        {
            string? line;
            try
            {
                line = await reader.ReadLineAsync(cancel);
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                throw new LiveException($"the watch of {what} at {Server} broke: {e.Message}", e);
            }
            if (line is null) yield break;
            if (line.Length == 0) continue;
            yield return WatchEvent.Parse(line, Url(path));
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string what, HttpCompletionOption completion, CancellationToken token, CancellationToken caller)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("portolan", "0.1"));
        await Authorize(request, token);
        try
        {
            return await _http.SendAsync(request, completion, token);
        }
        catch (OperationCanceledException) when (!caller.IsCancellationRequested)
        {
            throw new LiveException($"the API server at {Server} did not answer within {RequestTimeout.TotalSeconds:0} s (trying to {what})");
        }
        catch (HttpRequestException e)
        {
            throw new LiveException($"cannot reach the API server at {Server} (trying to {what}): {Reason(e)}", e);
        }
    }

    private async Task Authorize(HttpRequestMessage request, CancellationToken cancel)
    {
        var user = _connection.User;
        var token = user.Token;
        if (string.IsNullOrEmpty(token) && user.TokenFile is { } file)
        {
            try
            {
                // Re-read on every request: projected service-account tokens rotate (as client-go does).
                token = (await File.ReadAllTextAsync(file, cancel)).Trim();
            }
            catch (IOException e)
            {
                throw new LiveException($"{file}: cannot read the token file of context \"{_connection.Context}\": {e.Message}");
            }
        }
        if (string.IsNullOrEmpty(token) && _exec is not null) token = await _exec.TokenAsync(cancel);
        if (!string.IsNullOrEmpty(token))
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        else if (user.Username is { } name)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{name}:{user.Password}")));
    }

    private LiveException Failure(HttpStatusCode status, string body, string path, string what)
    {
        var detail = StatusMessage(body);
        var suffix = detail is null ? "" : $": {detail}";
        return status switch
        {
            HttpStatusCode.Unauthorized => new LiveException(
                $"unauthorized: the API server at {Server} rejected the credentials of context \"{_connection.Context}\" (401, trying to {what}){suffix}"),
            HttpStatusCode.Forbidden => new LiveException(
                $"forbidden: context \"{_connection.Context}\" may not {what} (403 from {Server}){suffix}"),
            _ => new LiveException($"the API server at {Server} answered {(int)status} {status} to {what} ({Url(path)}){suffix}"),
        };
    }

    // A Kubernetes Status object's message, when the body is one.
    private static string? StatusMessage(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject { } status && status["kind"]?.GetValue<string>() == "Status"
                ? status["message"]?.GetValue<string>()
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static string Reason(HttpRequestException e)
    {
        var messages = new List<string>();
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (!messages.Contains(inner.Message, StringComparer.Ordinal)) messages.Add(inner.Message);
        }
        return string.Join(": ", messages);
    }

    private static SocketsHttpHandler Handler(ClusterConnection connection)
    {
        var cluster = connection.Cluster;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = DecompressionMethods.GZip,
            UseProxy = cluster.ProxyUrl is not null,
            Proxy = cluster.ProxyUrl is null ? null : new WebProxy(cluster.ProxyUrl),
        };
        var ssl = handler.SslOptions;
        if (cluster.TlsServerName is { Length: > 0 } serverName) ssl.TargetHost = serverName;
        // insecure-skip-tls-verify is the user's explicit choice in the kubeconfig, honoured as kubectl honours it.
#pragma warning disable CA5359
        if (cluster.InsecureSkipTlsVerify) ssl.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        else if (cluster.CertificateAuthority is { } ca)
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPem(Encoding.ASCII.GetString(ca));
            ssl.RemoteCertificateValidationCallback = (_, certificate, _, errors) => Trusted(certificate, errors, roots);
        }
        if (connection.User.ClientCertificatePem is { } certificatePem && connection.User.ClientKeyPem is { } keyPem)
        {
            try
            {
                ssl.ClientCertificates = [X509Certificate2.CreateFromPem(certificatePem, keyPem)];
            }
            catch (System.Security.Cryptography.CryptographicException e)
            {
                throw new LiveException($"context \"{connection.Context}\": the client certificate or key cannot be read: {e.Message}");
            }
        }
        return handler;
    }

    // The kubeconfig's CA replaces the system roots for this server (as in client-go); the name must still match.
    private static bool Trusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }

    public void Dispose()
    {
        _http.Dispose();
        _exec?.Dispose();
    }
}
