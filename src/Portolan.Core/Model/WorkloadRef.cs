namespace Portolan.Core.Model;

/// <summary>The name a pod is reported under: ns/name[Kind] (conformance README, "Workloads").</summary>
public sealed record WorkloadRef(string Namespace, string Name, string Kind)
{
    public override string ToString() => $"{Namespace}/{Name}[{Kind}]";
}
