using Portolan.Kubernetes.Yaml;

namespace Portolan.Kubernetes.Conversion;

/// <summary>
/// One document of an input: its tree (null when empty) and its original text without the
/// <c>---</c> marker, so a document that is not converted can be written back byte for byte.
/// </summary>
public sealed record SourceDocument(string File, int Line, YNode? Root, string Text);
