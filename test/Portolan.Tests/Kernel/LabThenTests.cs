using Portolan.Nftables.Lab;
using Portolan.Tests.Support;

namespace Portolan.Tests.Kernel;

/// <summary>
/// lab --then: a second manifest set applied to the running lab as one nft transaction, probed again in the
/// same namespaces; what the kernel opened and closed matches diff of the two analyses.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class LabThenTests
{
    // Opens TCP 9090 from the frontend (tier web) to api; closes DNS for every shop pod but the frontend.
    private static TempDirectory Changed()
    {
        var directory = new TempDirectory();
        foreach (var file in Directory.GetFiles(Path.Combine(Paths.Examples, "shop")))
        {
            var text = File.ReadAllText(file);
            if (Path.GetFileName(file) == "policies-shop.yaml")
            {
                var opened = text.Replace("        - {port: grpc}\n", "        - {port: grpc}\n        - {port: 9090}\n", StringComparison.Ordinal)
                    .Replace("        - {port: 50051}\n", "        - {port: 50051}\n        - {port: 9090}\n", StringComparison.Ordinal);
                var closed = opened.Replace("  podSelector: {}\n  policyTypes: [Egress]\n", "  podSelector: {matchLabels: {app: frontend}}\n  policyTypes: [Egress]\n", StringComparison.Ordinal);
                Assert.NotEqual(text, opened);
                Assert.NotEqual(opened, closed);
                text = closed;
            }
            directory.Write(Path.GetFileName(file), text);
        }
        return directory;
    }

    [KernelFact]
    public void Then_reports_what_the_change_opened_and_closed_as_diff_does()
    {
        using var changed = Changed();
        var before = LabFixture.LoadPath(Path.Combine(Paths.Examples, "shop"));
        var after = LabFixture.LoadPath(changed.Path);
        var rounds = LabFixture.Run(LabCompilers.Nftables, new LabOptions(), before, after);

        Assert.True(rounds[0].AllAgree, LabFixture.Describe(rounds[0]));
        Assert.True(rounds[1].AllAgree, LabFixture.Describe(rounds[1]));
        // Same pods, same namespaces: nothing was recreated.
        Assert.Equal(rounds[0].Hosts.Select(h => (h.Name, h.Netns)), rounds[1].Hosts.Select(h => (h.Name, h.Netns)));
        var change = LabChangeCheck.Check(rounds[0], rounds[1]);
        Assert.True(change.AgreesWithDiff, string.Join("\n", change.Mismatches.Select(m => $"{m.Probe}: kernel {m.Before}->{m.After}, diff opened {m.DiffOpened} closed {m.DiffClosed}")));
        Assert.Contains(change.Opened, c => c.Probe.Source.Name.StartsWith("shop/frontend-", StringComparison.Ordinal)
            && c.Probe.Destination.Name.StartsWith("shop/api-", StringComparison.Ordinal) && c.Probe.Port == 9090);
        Assert.Contains(change.Closed, c => c.Probe.Source.Name.StartsWith("shop/api-", StringComparison.Ordinal) && c.Probe.Port == 53);
        Assert.DoesNotContain(change.Closed, c => c.Probe.Source.Name.StartsWith("shop/frontend-", StringComparison.Ordinal) && c.Probe.Port == 53);
    }

    [KernelFact]
    public void Cli_then_prints_the_change_and_cleans_up()
    {
        using var changed = Changed();
        var before = LabFixture.LabNamespaces();
        var result = CliRunner.Run("lab", Path.Combine(Paths.Examples, "shop"), "--then", changed.Path);
        Assert.Equal(0, result.Exit);
        Assert.Contains("OPENED: TCP ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("CLOSED: UDP ", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"then: \d+ opened, \d+ closed on the kernel; diff agrees", result.Stdout);
        Assert.Contains("teardown", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(before, LabFixture.LabNamespaces());
    }
}
