namespace Portolan.Kubernetes.Yaml;

/// <summary>One document of a manifest stream; Root is null for an empty document.</summary>
public sealed record YamlDocument(string File, int Line, YNode? Root);
