using Portolan.Core.Selectors;

namespace Portolan.Core.Model;

/// <summary>A namespace; its labels always include kubernetes.io/metadata.name (semantics §1.1).</summary>
public sealed record NamespaceInfo(string Name, Labels Labels, SourceLocation Origin)
{
    /// <summary>metadata.annotations (e.g. portolan.dev/lint-disable); empty when there are none.</summary>
    public Labels Annotations { get; init; } = Labels.Empty;

    public const string NameLabel = "kubernetes.io/metadata.name";

    public static NamespaceInfo Create(string name, Labels labels, SourceLocation origin) =>
        new(name, labels.With(NameLabel, name), origin);
}
