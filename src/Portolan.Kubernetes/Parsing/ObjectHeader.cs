using Portolan.Core.Model;
using Portolan.Kubernetes.Yaml;

namespace Portolan.Kubernetes.Parsing;

/// <summary>apiVersion, kind, name, namespace and labels of one object, with where it starts.</summary>
public sealed record ObjectHeader(string ApiVersion, string Kind, string Name, string? Namespace, YMap Metadata, YMap Root, SourceLocation Origin)
{
    /// <summary>"Kind ns/name" or "Kind name", as messages name objects.</summary>
    public string Display => Namespace is null ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}";

    /// <summary>The namespace with the default applied, for namespaced kinds.</summary>
    public string NamespaceOrDefault => string.IsNullOrEmpty(Namespace) ? "default" : Namespace;
}
