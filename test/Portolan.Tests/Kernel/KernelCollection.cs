namespace Portolan.Tests.Kernel;

/// <summary>Kernel tests run one at a time: labs compete for two cores, and the cleanup checks read the namespace list.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KernelCollection
{
    public const string Name = "Kernel";
}
