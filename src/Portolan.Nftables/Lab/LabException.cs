namespace Portolan.Nftables.Lab;

/// <summary>The lab could not build, configure or probe its namespaces; the message says which step failed.</summary>
public sealed class LabException(string message) : Exception(message);
