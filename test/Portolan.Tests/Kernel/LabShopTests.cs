using Portolan.Nftables.Lab;
using Portolan.Tests.Support;

namespace Portolan.Tests.Kernel;

/// <summary>The compiled ruleset on a real kernel agrees with the analysis on the bundled example.</summary>
[Collection(KernelCollection.Name)]
public sealed class LabShopTests
{
    [KernelFact]
    public void Lab_agrees_with_the_analysis_on_the_shop_example()
    {
        var cluster = LabFixture.LoadPath(Path.Combine(Paths.Examples, "shop"));
        var result = LabFixture.Run(LabCompilers.Nftables, new LabOptions(), cluster)[0];
        Assert.True(result.AllAgree, LabFixture.Describe(result));
        // The example both allows and denies, and has external ranges with lab hosts.
        Assert.Contains(result.Outcomes, o => o.KernelAllowed);
        Assert.Contains(result.Outcomes, o => !o.KernelAllowed);
        Assert.Contains(result.Hosts, h => h.IsExternal);
    }
}
