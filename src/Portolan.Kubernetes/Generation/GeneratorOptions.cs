namespace Portolan.Kubernetes.Generation;

/// <summary>Size and seed of a synthetic cluster (issue 4).</summary>
public sealed record GeneratorOptions(int Namespaces, int PodsPerNamespace, int PoliciesPerNamespace, int Seed);
