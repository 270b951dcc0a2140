using Portolan.Core.Model;
using Selectors = Portolan.Core.Selectors;
using Portolan.Kubernetes.Yaml;

namespace Portolan.Kubernetes.Parsing;

/// <summary>apiVersion, kind, name, namespace and labels of one object, with where it starts.</summary>
public sealed record ObjectHeader(string ApiVersion, string Kind, string Name, string? Namespace, YMap Metadata, YMap Root, SourceLocation Origin)
{
    /// <summary>"Kind ns/name" or "Kind name", as messages name objects.</summary>
    public string Display => Id.Display;

    /// <summary>The object's identity without its YAML tree.</summary>
    public ObjectId Id => new(Kind, Name, Namespace, Origin);

    /// <summary>metadata.annotations as a string map (values must be strings, as the API server requires).</summary>
    public Selectors.Labels Annotations(Node node) =>
        node.Map(Metadata, "annotations", "metadata") is { } map ? SelectorParser.ParseLabels(node, map, "metadata.annotations") : Selectors.Labels.Empty;

    /// <summary>The namespace with the default applied, for namespaced kinds.</summary>
    public string NamespaceOrDefault => string.IsNullOrEmpty(Namespace) ? "default" : Namespace;
}
