using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Portolan.Server.Admission;
using Portolan.Server.Metrics;
using Portolan.Server.State;
using Portolan.Server.Web;

namespace Portolan.Server.Hosting;

/// <summary>
/// `portolan serve`: Kestrel over HTTPS with the routes /validate, /healthz, /readyz, /metrics and /.
/// Stateless across replicas: every replica reads the same stored state and decides alone.
/// </summary>
public sealed class WebhookServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stop = new();

    private WebhookServer(WebApplication app, PolicyState state, WebhookMetrics metrics, IStateSource source)
    {
        _app = app;
        State = state;
        Metrics = metrics;
        Source = Task.Run(() => source.RunAsync(state, _stop.Token), CancellationToken.None);
    }

    public PolicyState State { get; }

    public WebhookMetrics Metrics { get; }

    /// <summary>The state source's run: faults if it fails (before the first load, the server cannot serve).</summary>
    public Task Source { get; }

    /// <summary>The address Kestrel bound (port 0 in the options becomes the real port).</summary>
    public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Starts listening, then starts the state source (/readyz answers 503 until it has loaded).</summary>
    public static async Task<WebhookServer> StartAsync(ServeOptions options, IStateSource source, PolicyState state,
        Action<string> log, CancellationToken cancellation = default)
    {
        var certificate = new CertificateFiles(options.CertificatePath, options.KeyPath);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Two objects of at most 1.5 MiB each (etcd's limit) plus the envelope.
            kestrel.Limits.MaxRequestBodySize = 4 * 1024 * 1024;
            kestrel.Listen(options.Listen, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(https => https.ServerCertificateSelector = (_, _) => certificate.Current);
            });
        });
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var metrics = new WebhookMetrics();
        var endpoints = new WebhookEndpoints(new AdmissionDecider(state, options.WarningLimit), state, metrics, options.FailurePolicy, source, log);
        app.UseRouting();
        app.MapPost("/validate", endpoints.Validate);
        app.MapGet("/healthz", WebhookEndpoints.Healthz);
        app.MapGet("/readyz", endpoints.Readyz);
        app.MapGet("/metrics", endpoints.Metrics);
        app.MapGet("/", new MapPage(state, source.Description).Serve);
        await app.StartAsync(cancellation).ConfigureAwait(false);
        return new WebhookServer(app, state, metrics, source);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
