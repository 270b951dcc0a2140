using Portolan.Kubernetes.Parsing;
using Portolan.Kubernetes.Yaml;

namespace Portolan.Kubernetes.Guardrails;

/// <summary>Rejects fields a guardrails object does not define, naming the ones it does.</summary>
internal static class Fields
{
    public static void Known(Node node, YMap map, string path, params string[] known)
    {
        foreach (var (key, value) in map.Entries)
        {
            if (!known.Contains(key, StringComparer.Ordinal))
                throw node.Error(value, Node.Join(path, key), $"unknown field (expected one of: {string.Join(", ", known)})");
        }
    }
}
