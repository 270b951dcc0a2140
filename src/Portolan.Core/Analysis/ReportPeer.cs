using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis;

/// <summary>A peer as reports show it: a workload (or a single pod) or a range of external addresses.</summary>
public abstract record ReportPeer
{
    /// <summary>The printed name, also the ordinal sort key.</summary>
    public abstract string Name { get; }

    public sealed override string ToString() => Name;
}

public sealed record WorkloadPeer(WorkloadRef Workload) : ReportPeer
{
    public override string Name { get; } = Workload.ToString();
}

public sealed record ExternalPeer(AddressSet Addresses) : ReportPeer
{
    public override string Name { get; } = $"{Addresses}[External]";
}
