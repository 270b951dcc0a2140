using System.Net;
using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Nftables.Lab;

/// <summary>Compiles a lab cluster (every pod with one address) to an nftables script for the router namespace, rejecting instead of dropping.</summary>
public delegate LabRuleset LabCompiler(Cluster cluster, IReadOnlyDictionary<string, IReadOnlyList<IPAddress>> addresses);

/// <summary>A compiled ruleset as the lab uses it: the script and the table it defines.</summary>
public sealed record LabRuleset(string Text, string TableName, int RuleCount);

/// <summary>How a lab is built and probed. Defaults: 2 pods per workload, 10.213.0.0/16 and fd00:213::/64, 200 ms probes.</summary>
public sealed record LabOptions
{
    public static readonly IReadOnlyList<Cidr> DefaultRanges = [AddressPool.Parse("10.213.0.0/16"), AddressPool.Parse("fd00:213::/64")];

    public int Replicas { get; init; } = 2;

    /// <summary>Where pods without a usable IP get one (first range's family unless the pod's manifest IP says otherwise) and external hosts may sit.</summary>
    public IReadOnlyList<Cidr> Ranges { get; init; } = DefaultRanges;

    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Undeclared ports probed per protocol on every destination.</summary>
    public int SamplePorts { get; init; } = 4;

    /// <summary>Most namespaces a lab may create (pods and external hosts).</summary>
    public int MaxHosts { get; init; } = 500;

    /// <summary>Most external hosts: one per external range of the analysis that has a lab or documentation address.</summary>
    public int MaxExternalHosts { get; init; } = 16;
}
