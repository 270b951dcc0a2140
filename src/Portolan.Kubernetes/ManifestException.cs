using Portolan.Core.Model;

namespace Portolan.Kubernetes;

/// <summary>Invalid input: what is wrong, where (file:line) and in which object.</summary>
public sealed class ManifestException(SourceLocation location, string? objectName, string problem)
    : Exception($"{location}: {(objectName is null ? "" : objectName + ": ")}{problem}")
{
    public SourceLocation Location { get; } = location;

    public string? ObjectName { get; } = objectName;

    public string Problem { get; } = problem;
}
