namespace Portolan.Kubernetes.Parsing;

/// <summary>
/// Name lengths as Kubernetes bounds them: an object name is a DNS subdomain (at most 253
/// characters), a namespace a DNS label (63), and a kind a DNS-1035 label once lowercased (63, as
/// CRD validation requires of names.kind). Names and kinds repeat on every output line that mentions
/// the workload, so an unbounded one multiplies the output (docs/fuzzing.md, finding 4).
/// </summary>
public static class NameRules
{
    public const int MaxName = 253;

    public const int MaxNamespace = 63;

    public const int MaxKind = 63;

    public static string? LengthProblem(string name, int max) =>
        name.Length > max ? $"is {name.Length:N0} characters long; Kubernetes allows at most {max}" : null;
}
