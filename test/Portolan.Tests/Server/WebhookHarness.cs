using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Guardrails;
using Portolan.Kubernetes.Guardrails;
using Portolan.Server.Checks;
using Portolan.Server.Hosting;
using Portolan.Server.State;
using Portolan.Tests.Support;

namespace Portolan.Tests.Server;

/// <summary>The real webhook on 127.0.0.1 (a free port) over HTTPS with a fresh self-signed certificate, and a client that trusts it.</summary>
public sealed class WebhookHarness : IAsyncDisposable
{
    private readonly TempDirectory _directory;
    private readonly WebhookServer _server;

    private WebhookHarness(TempDirectory directory, WebhookServer server, HttpClient client, List<string> log)
    {
        _directory = directory;
        _server = server;
        Client = client;
        Log = log;
    }

    public HttpClient Client { get; }

    public WebhookServer Server => _server;

    /// <summary>What the server logged (denials, internal errors).</summary>
    public List<string> Log { get; }

    /// <summary>Starts on the state in <paramref name="manifests"/> (or from <paramref name="source"/>) and, unless told not to, waits until it is loaded.</summary>
    public static async Task<WebhookHarness> StartAsync(string manifests, FailurePolicy failurePolicy = FailurePolicy.Closed,
        int warningLimit = 10, Func<string, IStateSource>? source = null, bool waitUntilReady = true, string? guardrails = null, bool lint = false)
    {
        var directory = new TempDirectory();
        directory.Write("state/cluster.yaml", manifests);
        var checks = new List<IPolicyCheck> { new PrioritySetCheck() };
        GuardrailSet? set = null;
        if (guardrails is not null)
        {
            set = GuardrailParser.Parse(new StringReader(guardrails), "guardrails.yaml");
            checks.Add(new GuardrailCheck(set));
        }
        if (lint) checks.Add(new LintCheck([]));
        var certificate = new TestCertificate(directory.Path);
        var log = new List<string>();
        void Note(string line)
        {
            lock (log) log.Add(line);
        }
        var statePath = Path.Combine(directory.Path, "state");
        var options = new ServeOptions(new IPEndPoint(IPAddress.Loopback, 0), certificate.CertificatePath, certificate.KeyPath, failurePolicy, warningLimit);
        var server = await WebhookServer.StartAsync(options, source?.Invoke(statePath) ?? new DirectoryStateSource([statePath], Note),
            new PolicyState(IPBlockScope.All, checks, set?.AddressCuts), Note);
        if (waitUntilReady) await server.State.Ready.WaitAsync(TimeSpan.FromSeconds(60));
        return new WebhookHarness(directory, server, certificate.Client(server.Address), log);
    }

    public async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(new Uri("/validate", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>Posts a review that must be answered 200, and returns its response object.</summary>
    public async Task<JsonObject> ReviewAsync(string body)
    {
        var (status, answer) = await PostAsync(body);
        Assert.Equal(HttpStatusCode.OK, status);
        return answer["response"]!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
        _directory.Dispose();
    }
}
