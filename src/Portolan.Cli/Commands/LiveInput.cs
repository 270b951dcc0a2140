using Portolan.Core.Model;
using Portolan.Kubernetes;
using Portolan.Kubernetes.Live;

namespace Portolan.Cli.Commands;

/// <summary>
/// Reads the live cluster for a command (docs/live.md). Kubeconfig: --kubeconfig, else the files
/// of $KUBECONFIG, else ~/.kube/config. Namespace: -A for all, else -n, else the context's, else default.
/// </summary>
public static class LiveInput
{
    public static (Cluster? Cluster, int Exit) Load(CommandContext context, InputSelection? selection)
    {
        var explicitPath = selection?.Kubeconfig;
        var fromEnvironment = context.Environment("KUBECONFIG");
        IReadOnlyList<string> files = explicitPath is not null ? [explicitPath]
            : !string.IsNullOrEmpty(fromEnvironment) ? fromEnvironment.Split(Path.PathSeparator)
            : [KubeconfigSource.DefaultPath(context.Environment("HOME") ?? ".")];
        try
        {
            using var client = KubeconfigSource.Open(files, explicitPath is not null, selection?.Context);
            var ns = selection?.AllNamespaces == true ? null : selection?.Namespace ?? client.Connection.Namespace ?? "default";
            context.Note($"reading {client.Server} (context {client.Connection.Context}), {(ns is null ? "all namespaces" : $"namespace {ns}; -A reads all namespaces")}");
            var reader = new LiveReader(client, ns, context.Note);
            var cluster = reader.ReadClusterAsync(CancellationToken.None).GetAwaiter().GetResult();
            return (cluster, ExitCodes.Ok);
        }
        catch (LiveException e)
        {
            context.Error(e.Message);
            return (null, ExitCodes.InvalidInput);
        }
        catch (ManifestException e)
        {
            context.Error(e.Message);
            return (null, ExitCodes.InvalidInput);
        }
    }
}
