namespace Portolan.Kubernetes.Live;

/// <summary>
/// One or more kubeconfig files merged as kubectl merges $KUBECONFIG: the first file that names a
/// cluster, user or context wins, and so does the first current-context.
/// </summary>
public sealed record Kubeconfig(
    IReadOnlyDictionary<string, KubeconfigCluster> Clusters,
    IReadOnlyDictionary<string, KubeconfigUser> Users,
    IReadOnlyDictionary<string, KubeconfigContext> Contexts,
    string? CurrentContext,
    string Files)
{
    /// <summary>The connection for <paramref name="context"/> (or the current context).</summary>
    public ClusterConnection Resolve(string? context)
    {
        var name = context ?? CurrentContext;
        if (string.IsNullOrEmpty(name))
            throw new LiveException($"{Files}: no current-context is set; pass --context NAME (contexts: {Names(Contexts.Keys)})");
        if (!Contexts.TryGetValue(name, out var chosen))
            throw new LiveException($"{Files}: context \"{name}\" is not defined (contexts: {Names(Contexts.Keys)})");
        if (!Clusters.TryGetValue(chosen.Cluster, out var cluster))
            throw new LiveException($"{Files}: context \"{name}\" names cluster \"{chosen.Cluster}\", which is not defined");
        var user = KubeconfigUser.Anonymous;
        if (!string.IsNullOrEmpty(chosen.User) && !Users.TryGetValue(chosen.User, out user))
            throw new LiveException($"{Files}: context \"{name}\" names user \"{chosen.User}\", which is not defined");
        return new ClusterConnection(name, cluster, user, chosen.Namespace);
    }

    private static string Names(IEnumerable<string> names)
    {
        var sorted = names.Order(StringComparer.Ordinal).ToList();
        return sorted.Count == 0 ? "none" : string.Join(", ", sorted);
    }
}

/// <summary>A cluster entry: where the API server is and how to trust it.</summary>
public sealed record KubeconfigCluster(
    Uri Server,
    byte[]? CertificateAuthority,
    bool InsecureSkipTlsVerify,
    string? TlsServerName,
    Uri? ProxyUrl);

/// <summary>A user entry: how to authenticate. Certificates and keys are PEM text.</summary>
public sealed record KubeconfigUser(
    string? Token,
    string? TokenFile,
    string? ClientCertificatePem,
    string? ClientKeyPem,
    string? Username,
    string? Password,
    ExecCredentialCommand? Exec)
{
    public static KubeconfigUser Anonymous { get; } = new(null, null, null, null, null, null, null);
}

/// <summary>A context entry: a cluster, a user and a default namespace.</summary>
public sealed record KubeconfigContext(string Cluster, string? User, string? Namespace);

/// <summary>The chosen context, resolved.</summary>
public sealed record ClusterConnection(string Context, KubeconfigCluster Cluster, KubeconfigUser User, string? Namespace);

/// <summary>An exec credential plugin (client.authentication.k8s.io), as cloud providers configure.</summary>
public sealed record ExecCredentialCommand(
    string Command,
    IReadOnlyList<string> Args,
    IReadOnlyList<KeyValuePair<string, string>> Env,
    string ApiVersion,
    string BaseDirectory);
