using System.Text;
using Portolan.Kubernetes.Parsing;
using Portolan.Kubernetes.Yaml;

namespace Portolan.Kubernetes.Live;

/// <summary>
/// Reads kubeconfig files (YAML or JSON) with the manifest reader, so a bad field is reported with
/// file and line. Relative file paths inside a kubeconfig are relative to that file, as in kubectl.
/// </summary>
public static class KubeconfigReader
{
    /// <summary>
    /// Merges the files in order. With <paramref name="explicitPath"/> false (a $KUBECONFIG list),
    /// missing files are skipped as kubectl skips them; an explicit --kubeconfig must exist.
    /// </summary>
    public static Kubeconfig Load(IReadOnlyList<string> paths, bool explicitPath)
    {
        var clusters = new Dictionary<string, KubeconfigCluster>(StringComparer.Ordinal);
        var users = new Dictionary<string, KubeconfigUser>(StringComparer.Ordinal);
        var contexts = new Dictionary<string, KubeconfigContext>(StringComparer.Ordinal);
        string? current = null;
        var read = new List<string>();
        foreach (var path in paths.Where(p => p.Length > 0))
        {
            if (!File.Exists(path))
            {
                if (explicitPath) throw new LiveException($"{path}: kubeconfig not found");
                continue;
            }
            read.Add(path);
            ReadFile(path, clusters, users, contexts, ref current);
        }
        if (read.Count == 0) throw new LiveException($"{string.Join(Path.PathSeparator, paths)}: no kubeconfig file found");
        return new Kubeconfig(clusters, users, contexts, current, string.Join(Path.PathSeparator, read));
    }

    private static void ReadFile(string path, Dictionary<string, KubeconfigCluster> clusters, Dictionary<string, KubeconfigUser> users,
        Dictionary<string, KubeconfigContext> contexts, ref string? current)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        YamlDocument? document;
        try
        {
            document = YamlDocumentReader.Read(reader, path).FirstOrDefault();
        }
        catch (ManifestSyntaxException e)
        {
            throw new LiveException($"{e.File}:{e.Line}: {e.Message}");
        }
        if (document?.Root is not YMap root) return;
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var node = new Node(path, "kubeconfig");
        try
        {
            foreach (var (name, body) in Named(node, root, "clusters", "cluster"))
            {
                if (!clusters.ContainsKey(name)) clusters[name] = Cluster(node, body, baseDirectory);
            }
            foreach (var (name, body) in Named(node, root, "users", "user"))
            {
                if (!users.ContainsKey(name)) users[name] = User(node, body, baseDirectory);
            }
            foreach (var (name, body) in Named(node, root, "contexts", "context"))
            {
                if (contexts.ContainsKey(name)) continue;
                var cluster = node.String(body, "cluster", "context") ?? throw node.Error(body, "context.cluster", "is required");
                contexts[name] = new KubeconfigContext(cluster, node.String(body, "user", "context"), node.String(body, "namespace", "context"));
            }
            var currentHere = node.String(root, "current-context", "");
            if (string.IsNullOrEmpty(current) && !string.IsNullOrEmpty(currentHere)) current = currentHere;
        }
        catch (ManifestException e)
        {
            throw new LiveException(e.Message);
        }
    }

    private static IEnumerable<(string Name, YMap Body)> Named(Node node, YMap root, string key, string bodyKey)
    {
        var items = node.List(root, key, "") ?? [];
        for (int i = 0; i < items.Count; i++)
        {
            var path = $"{key}[{i}]";
            var item = node.Item(items[i], path);
            var name = node.String(item, "name", path);
            if (string.IsNullOrEmpty(name)) throw node.Error(item, $"{path}.name", "is required");
            yield return (name, node.Map(item, bodyKey, path) ?? new YMap(item.Line));
        }
    }

    private static KubeconfigCluster Cluster(Node node, YMap body, string baseDirectory)
    {
        var serverText = node.String(body, "server", "cluster");
        if (string.IsNullOrEmpty(serverText)) throw node.Error(body, "cluster.server", "is required");
        if (!Uri.TryCreate(serverText, UriKind.Absolute, out var server) || (server.Scheme != "https" && server.Scheme != "http"))
            throw node.Error(body["server"]!, "cluster.server", $"must be an http or https URL, not \"{serverText}\"");
        var ca = Bytes(node, body, "certificate-authority-data", "certificate-authority", baseDirectory, "cluster");
        Uri? proxy = null;
        if (node.String(body, "proxy-url", "cluster") is { Length: > 0 } proxyText && !Uri.TryCreate(proxyText, UriKind.Absolute, out proxy))
            throw node.Error(body["proxy-url"]!, "cluster.proxy-url", $"must be a URL, not \"{proxyText}\"");
        return new KubeconfigCluster(server, ca, node.Bool(body, "insecure-skip-tls-verify", "cluster") ?? false,
            node.String(body, "tls-server-name", "cluster"), proxy);
    }

    private static KubeconfigUser User(Node node, YMap body, string baseDirectory)
    {
        if (body.Has("auth-provider"))
            throw node.Error(body["auth-provider"]!, "user.auth-provider", "is not supported (it was removed from kubectl in 1.26); use an exec credential plugin");
        var tokenFile = node.String(body, "tokenFile", "user");
        var certificate = Bytes(node, body, "client-certificate-data", "client-certificate", baseDirectory, "user");
        var key = Bytes(node, body, "client-key-data", "client-key", baseDirectory, "user");
        return new KubeconfigUser(
            node.String(body, "token", "user"),
            tokenFile is null ? null : Path.Combine(baseDirectory, tokenFile),
            certificate is null ? null : Encoding.ASCII.GetString(certificate),
            key is null ? null : Encoding.ASCII.GetString(key),
            node.String(body, "username", "user"),
            node.String(body, "password", "user"),
            Exec(node, body, baseDirectory));
    }

    private static ExecCredentialCommand? Exec(Node node, YMap body, string baseDirectory)
    {
        var exec = node.Map(body, "exec", "user");
        if (exec is null) return null;
        var command = node.String(exec, "command", "user.exec");
        if (string.IsNullOrEmpty(command)) throw node.Error(exec, "user.exec.command", "is required");
        var args = (node.List(exec, "args", "user.exec") ?? []).Select((a, i) => node.ScalarString(a, $"user.exec.args[{i}]")).ToList();
        var env = new List<KeyValuePair<string, string>>();
        var entries = node.List(exec, "env", "user.exec") ?? [];
        for (int i = 0; i < entries.Count; i++)
        {
            var entry = node.Item(entries[i], $"user.exec.env[{i}]");
            env.Add(new(node.String(entry, "name", $"user.exec.env[{i}]") ?? "", node.String(entry, "value", $"user.exec.env[{i}]") ?? ""));
        }
        var apiVersion = node.String(exec, "apiVersion", "user.exec") ?? "client.authentication.k8s.io/v1";
        return new ExecCredentialCommand(command, args, env, apiVersion, baseDirectory);
    }

    // "-data" fields hold base64; the plain field names a file (relative to the kubeconfig).
    private static byte[]? Bytes(Node node, YMap body, string dataKey, string fileKey, string baseDirectory, string path)
    {
        if (node.String(body, dataKey, path) is { Length: > 0 } data)
        {
            try
            {
                return Convert.FromBase64String(data);
            }
            catch (FormatException)
            {
                throw node.Error(body[dataKey]!, $"{path}.{dataKey}", "is not valid base64");
            }
        }
        if (node.String(body, fileKey, path) is not { Length: > 0 } file) return null;
        var full = Path.Combine(baseDirectory, file);
        if (!File.Exists(full)) throw node.Error(body[fileKey]!, $"{path}.{fileKey}", $"{full}: no such file");
        return File.ReadAllBytes(full);
    }
}
