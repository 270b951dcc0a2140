using System.CommandLine;
using System.Globalization;
using System.Net;
using Portolan.Core.Analysis.Guardrails;
using Portolan.Kubernetes;
using Portolan.Kubernetes.Live;
using Portolan.Server.Checks;
using Portolan.Server.Hosting;
using Portolan.Server.State;

namespace Portolan.Cli.Commands;

/// <summary>portolan serve: the validating admission webhook (issue 7) over the state of manifests or a watched live cluster.</summary>
public static class ServeCommand
{
    public sealed record Options(IReadOnlyList<string> Paths, Portolan.Core.Analysis.IPBlockScope Scope, string Listen,
        string? Certificate, string? Key, string FailurePolicy, int MaxWarnings, IReadOnlyList<string> Guardrails, bool Lint = true);

    public static Command Create(Func<CommandContext> context)
    {
        var inputs = new InputOptions();
        var listen = new Option<string>("--listen") { Description = "Address and port to listen on, over HTTPS ([::]:8443 or 0.0.0.0:8443 for every address)", DefaultValueFactory = _ => "127.0.0.1:8443", HelpName = "ADDRESS:PORT" };
        var certificate = new Option<string>("--tls-cert") { Description = "PEM file with the serving certificate (and chain); reloaded when it changes (required)", HelpName = "PEM" };
        var key = new Option<string>("--tls-key") { Description = "PEM file with the certificate's private key (required)", HelpName = "PEM" };
        var failure = new Option<string>("--failure-policy") { Description = "Answer when the analysis fails or the state is not loaded yet: open = allow (with a warning), closed = deny", DefaultValueFactory = _ => "closed", HelpName = "open|closed" };
        Choices.Restrict(failure, "open", "closed");
        var maxWarnings = new Option<int>("--max-warnings") { Description = "Opened connections listed one per warning before \"and N more\"", DefaultValueFactory = _ => 10, HelpName = "N" };
        maxWarnings.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0) r.AddError("--max-warnings must be 0 or more");
        });
        var guardrails = new Option<string[]>("--guardrails")
        {
            Description = "Guardrails file (as for check; docs/guardrails.md); a change that breaks an error-severity guardrail is denied, others warn; may be repeated",
            HelpName = "FILE",
            Arity = ArgumentArity.OneOrMore,
        };
        var lint = new Option<string>("--lint") { Description = "Warn about lint findings (docs/lint.md) on the policy under review, linted alone on the analysis of the proposed state: milliseconds per review", DefaultValueFactory = _ => "on", HelpName = "on|off" };
        Choices.Restrict(lint, "on", "off");
        var command = new Command("serve", "Run the validating admission webhook over HTTPS: POST /validate answers AdmissionReview v1 "
            + "requests for NetworkPolicy and the admin-tier kinds against the state in PATH or the watched cluster (every namespace unless -n), allowed with warnings listing what the "
            + "change opens, or denied with the reason; also /healthz, /readyz, /metrics. Runs until SIGINT or SIGTERM. "
            + "Example: portolan serve manifests/ --tls-cert tls.crt --tls-key tls.key");
        inputs.AddTo(command);
        foreach (var option in new Option[] { listen, certificate, key, failure, maxWarnings, guardrails, lint }) command.Options.Add(option);
        command.SetAction((parse, cancellation) => RunAsync(context(), new Options(inputs.AllPaths(parse), inputs.ScopeOf(parse),
            parse.GetValue(listen)!, parse.GetValue(certificate), parse.GetValue(key), parse.GetValue(failure)!, parse.GetValue(maxWarnings), parse.GetValue(guardrails) ?? [], parse.GetValue(lint) == "on"), cancellation));
        return command;
    }

    public static async Task<int> RunAsync(CommandContext context, Options options, CancellationToken cancellation)
    {
        if (!IPEndPoint.TryParse(options.Listen, out var endpoint) || !options.Listen.Contains(':', StringComparison.Ordinal))
        {
            context.Error($"--listen {options.Listen}: expected ADDRESS:PORT, e.g. 127.0.0.1:8443, 0.0.0.0:8443 or [::]:8443");
            return ExitCodes.Usage;
        }
        var log = Synchronized(context);
        var source = SourceFor(context, options.Paths, log);
        if (source is null) return ExitCodes.Usage;
        if (options.Certificate is null || options.Key is null)
        {
            context.Error("--tls-cert and --tls-key are required: the API server calls webhooks over HTTPS only (docs/serve.md shows how to make a certificate)");
            return ExitCodes.InvalidInput;
        }
        var serve = new ServeOptions(endpoint, options.Certificate, options.Key,
            options.FailurePolicy == "open" ? FailurePolicy.Open : FailurePolicy.Closed, options.MaxWarnings);
        var checks = new List<IPolicyCheck> { new PrioritySetCheck() };
        GuardrailSet? set = null;
        if (options.Guardrails.Count > 0)
        {
            (set, var failed) = GuardrailInput.Load(context, options.Guardrails);
            if (set is null) return failed;
            checks.Add(new GuardrailCheck(set));
        }
        if (options.Lint) checks.Add(new LintCheck([]));
        var state = new PolicyState(options.Scope, checks, set?.AddressCuts);
        WebhookServer server;
        try
        {
            server = await WebhookServer.StartAsync(serve, source, state, log, cancellation).ConfigureAwait(false);
        }
        catch (CertificateException e)
        {
            context.Error(e.Message);
            return ExitCodes.InvalidInput;
        }
        catch (IOException e)
        {
            context.Error($"cannot listen on {options.Listen}: {e.Message}");
            return ExitCodes.Environment;
        }
        await using (server.ConfigureAwait(false))
        {
            log($"note: listening on {server.Address} (/validate, /healthz, /readyz, /metrics); loading the state from {source.Description}");
            await Task.WhenAny(state.Ready, server.Source).ConfigureAwait(false);
            if (!state.IsReady) return LoadFailed(context, server.Source.Exception?.InnerException);
            var cluster = state.Cluster!;
            log(string.Create(CultureInfo.InvariantCulture, $"note: ready: {cluster.Pods.Length} pods, {cluster.Policies.Length} policies"));
            try
            {
                await Task.Delay(Timeout.Infinite, cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                log("note: shutting down");
            }
        }
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Manifests when PATHs are given; else the live cluster of --kubeconfig or $KUBECONFIG (every
    /// namespace unless -n); else, inside a pod, the in-cluster service account.
    /// </summary>
    private static IStateSource? SourceFor(CommandContext context, IReadOnlyList<string> paths, Action<string> log)
    {
        var selection = paths as InputSelection;
        if (paths.Count > 0 && selection is { NamesCluster: true })
        {
            context.Error("give manifest PATHs or a cluster (--kubeconfig, --context, -n, -A), not both");
            return null;
        }
        if (paths.Count > 0) return new DirectoryStateSource(paths, log);
        var ns = selection is { AllNamespaces: false, Namespace: { } one } ? one : null;
        var kubeconfig = context.Environment("KUBECONFIG");
        if (selection is { NamesCluster: true } || !string.IsNullOrEmpty(kubeconfig))
        {
            IReadOnlyList<string> files = selection?.Kubeconfig is { } file ? [file]
                : !string.IsNullOrEmpty(kubeconfig) ? kubeconfig.Split(Path.PathSeparator)
                : [KubeconfigSource.DefaultPath(context.Environment("HOME") ?? ".")];
            return new LiveStateSource(() => KubeconfigSource.Open(files, selection?.Kubeconfig is not null, selection?.Context), ns, log);
        }
        if (context.Environment("KUBERNETES_SERVICE_HOST") is { Length: > 0 } host)
        {
            var port = context.Environment("KUBERNETES_SERVICE_PORT") ?? "443";
            return new LiveStateSource(() => new ApiClient(KubeconfigSource.InCluster(host, port)), ns, log);
        }
        context.Error("no input: give manifest files or directories as PATH or -f, or a cluster with --kubeconfig FILE (or $KUBECONFIG); in a pod, the service account is used");
        return null;
    }

    private static int LoadFailed(CommandContext context, Exception? error)
    {
        switch (error)
        {
            case ManifestException or LiveException or IOException or UnauthorizedAccessException:
                context.Error(error.Message);
                return error is FileNotFoundException ? ExitCodes.Usage : ExitCodes.InvalidInput;
            default:
                context.Error($"loading the state failed: {error?.GetType().Name}: {error?.Message}");
                return ExitCodes.Internal;
        }
    }

    // Kestrel threads log denials while the main thread notes progress: one writer, one line at a time.
    private static Action<string> Synchronized(CommandContext context)
    {
        var gate = new Lock();
        return message =>
        {
            lock (gate) context.Note(message);
        };
    }
}
