using CsCheck;
using Portolan.Nftables.Lab;
using Portolan.Tests.Core;

namespace Portolan.Tests.Kernel;

/// <summary>
/// Property: on random small clusters (every tier, ipBlocks over pod IPs, named ports, IPv4 and IPv6 pods)
/// the compiled ruleset on a real kernel allows exactly what the analysis allows. Few cases: each is a lab.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class LabRandomClusterTests
{
    private static readonly LabOptions Options = new() { SamplePorts = 2 };

    [KernelFact]
    public void Kernel_agrees_with_the_analysis_on_random_clusters()
    {
        RandomClusters.Clusters.Sample(c =>
        {
            var result = LabFixture.Run(LabCompilers.Nftables, Options, c.Cluster)[0];
            if (!result.AllAgree) throw new Xunit.Sdk.XunitException(LabFixture.Describe(result));
        }, iter: 8, threads: 1);
    }
}
