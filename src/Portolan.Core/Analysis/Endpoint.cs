using Portolan.Core.Model;
using Portolan.Core.Selectors;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis;

/// <summary>One end of a connection: a pod (with its namespace's labels) or a range of external addresses.</summary>
public abstract record Endpoint;

public sealed record PodEndpoint(Pod Pod, Labels NamespaceLabels) : Endpoint
{
    public override string ToString() => Pod.ToString();
}

/// <summary>External addresses, cut so that every ipBlock either contains all of them or none.</summary>
public sealed record ExternalEndpoint(AddressSet Addresses) : Endpoint
{
    public override string ToString() => $"{Addresses}[External]";
}
