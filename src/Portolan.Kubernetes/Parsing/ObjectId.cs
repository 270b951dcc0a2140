using Portolan.Core.Model;

namespace Portolan.Kubernetes.Parsing;

/// <summary>
/// What identifies a parsed object and where it starts: all the cluster builder keeps of its header
/// (holding the header would keep each object's whole YAML tree alive until the files are merged).
/// </summary>
public sealed record ObjectId(string Kind, string Name, string? Namespace, SourceLocation Origin)
{
    /// <summary>"Kind ns/name" or "Kind name", as messages name objects.</summary>
    public string Display => Namespace is null ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}";
}
