namespace Portolan.Kubernetes.Live;

/// <summary>Where the connection comes from: kubeconfig files and a context, or the pod's service account.</summary>
public static class KubeconfigSource
{
    /// <summary>The default kubeconfig, as kubectl finds it: $HOME/.kube/config.</summary>
    public static string DefaultPath(string home) => Path.Combine(home, ".kube", "config");

    /// <summary>Opens a client for <paramref name="context"/> (or the current one) of the merged files.</summary>
    public static ApiClient Open(IReadOnlyList<string> paths, bool explicitPath, string? context) =>
        new(KubeconfigReader.Load(paths, explicitPath).Resolve(context));

    /// <summary>
    /// The in-cluster connection (a webhook's Deployment): https://HOST:PORT from
    /// KUBERNETES_SERVICE_HOST/PORT, with the service account's CA and token in <paramref name="directory"/>.
    /// </summary>
    public static ClusterConnection InCluster(string host, string port, string directory = "/var/run/secrets/kubernetes.io/serviceaccount")
    {
        var server = new Uri($"https://{(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}:{port}");
        var caFile = Path.Combine(directory, "ca.crt");
        if (!File.Exists(caFile)) throw new LiveException($"{caFile}: not found: not running in a pod with a service account");
        var ns = Path.Combine(directory, "namespace");
        return new ClusterConnection("in-cluster",
            new KubeconfigCluster(server, File.ReadAllBytes(caFile), false, null, null),
            KubeconfigUser.Anonymous with { TokenFile = Path.Combine(directory, "token") },
            File.Exists(ns) ? File.ReadAllText(ns).Trim() : null);
    }
}
