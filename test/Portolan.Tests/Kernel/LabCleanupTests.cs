using Portolan.Core.Model;
using Portolan.Nftables.Lab;
using Portolan.Tests.Support;

namespace Portolan.Tests.Kernel;

/// <summary>A lab deletes every namespace it made: on success, when the ruleset fails to apply, and when cancelled.</summary>
[Collection(KernelCollection.Name)]
public sealed class LabCleanupTests
{
    private static Cluster Shop => LabFixture.LoadPath(Path.Combine(Paths.Examples, "shop"));

    [KernelFact]
    public void A_ruleset_nft_rejects_fails_the_run_and_leaves_no_namespace()
    {
        var before = LabFixture.LabNamespaces();
        var session = new LabSession(new LabOptions(), (_, _) => new LabRuleset("table inet portolan {\n  chain c { nonsense; }\n}\n", "portolan", 1));
        try
        {
            var error = Assert.Throws<LabException>(() => session.Run(Shop, CancellationToken.None));
            Assert.Contains("applying the ruleset", error.Message, StringComparison.Ordinal);
            Assert.NotEmpty(session.Namespaces);
        }
        finally
        {
            session.Teardown();
        }
        Assert.Empty(session.Namespaces);
        Assert.Equal(before, LabFixture.LabNamespaces());
    }

    [KernelFact]
    public void A_cancelled_run_leaves_no_namespace()
    {
        var before = LabFixture.LabNamespaces();
        using var cancel = new CancellationTokenSource();
        // Cancel while the lab is being built: the compiler runs after the namespaces exist.
        var session = new LabSession(new LabOptions(), (c, a) =>
        {
            cancel.Cancel();
            return LabCompilers.Nftables(c, a);
        });
        try
        {
            Assert.ThrowsAny<OperationCanceledException>(() => session.Run(Shop, cancel.Token));
        }
        finally
        {
            session.Teardown();
        }
        Assert.Equal(before, LabFixture.LabNamespaces());
    }
}
