using Portolan.Core.Model;
using Portolan.Nftables.Lab;
using Portolan.Tests.Conformance;
using Portolan.Tests.Support;

namespace Portolan.Tests.Kernel;

/// <summary>
/// The compiled ruleset agrees with the analysis on np-guard's connlist cases that a small lab can hold
/// (2 to <see cref="MaxPods"/> lab pods): NetworkPolicy and admin-tier cases alike.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class LabConformanceTests
{
    private const int MaxPods = 16;
    private static readonly LabOptions Options = new() { SamplePorts = 3 };

    public static IReadOnlyList<(string Name, bool Admin)> Selected { get; } = Select();

    public static TheoryData<string> Cases
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var (name, _) in Selected) data.Add(name);
            return data;
        }
    }

    [Fact]
    public void At_least_twenty_cases_of_both_tiers_are_selected()
    {
        Assert.True(Selected.Count >= 20, $"only {Selected.Count} cases fit the lab");
        Assert.True(Selected.Count(c => c.Admin) >= 5, "admin-tier cases");
        Assert.True(Selected.Count(c => !c.Admin) >= 10, "NetworkPolicy-only cases");
    }

    [KernelTheory]
    [MemberData(nameof(Cases))]
    public void Lab_agrees_with_the_analysis(string name)
    {
        var result = LabFixture.Run(LabCompilers.Nftables, Options, Load(CorpusCase.Named("connlist", name)))[0];
        Assert.True(result.AllAgree, LabFixture.Describe(result));
        Assert.NotEmpty(result.Outcomes);
    }

    private static Cluster Load(CorpusCase c) =>
        new global::Portolan.Kubernetes.ManifestLoader(TextReader.Null, _ => { }).Load(c.Inputs.Select(i => Path.Combine(Paths.Conformance, i)));

    private static List<(string, bool)> Select()
    {
        var selected = new List<(string, bool)>();
        foreach (var c in CorpusCase.All.Where(c => c.Kind == "connlist").OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            Cluster cluster;
            try
            {
                cluster = Load(c);
            }
            catch (global::Portolan.Kubernetes.ManifestException)
            {
                continue;
            }
            var pods = cluster.Pods.Sum(p => p.IPs.IsEmpty && p.Workload.Kind != "Pod" ? Options.Replicas : 1);
            if (pods is < 2 or > MaxPods) continue;
            selected.Add((c.Name, cluster.Policies.Any(p => p.Tier != Tier.NetworkPolicy)));
        }
        return selected;
    }
}
