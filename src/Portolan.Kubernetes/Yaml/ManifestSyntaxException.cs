namespace Portolan.Kubernetes.Yaml;

/// <summary>Input that cannot be read as YAML or JSON, at a file and line.</summary>
public sealed class ManifestSyntaxException(string file, int line, string message) : Exception(message)
{
    public string File { get; } = file;

    public int Line { get; } = line;
}
