using CsCheck;
using Portolan.Core.Analysis;
using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Tests.Core;

/// <summary>
/// "The set engine equals the per-port engine" for pod pairs: on random clusters, for both
/// <see cref="IPBlockScope"/> values, every ordered pair of distinct pods is listed with exactly the
/// (protocol, port) pairs that <see cref="Explainer"/> allows on both sides, and unlisted pairs allow none.
/// </summary>
public sealed class AnalyzerMatchesExplainerOnPods
{
    [Fact]
    public void Every_pod_pair_lists_exactly_what_both_sides_allow_port_by_port() =>
        RandomClusters.Clusters.Sample(c => Check(c.Cluster), iter: 300, print: c => ClusterMinimizer.Report(c.Cluster, Check));

    private static void Check(Cluster cluster)
    {
        foreach (var scope in Enum.GetValues<IPBlockScope>()) Check(cluster, scope);
    }

    private static void Check(Cluster cluster, IPBlockScope scope)
    {
        var result = new ConnectivityAnalyzer(cluster, scope).Analyze();
        AssertWellFormed(result, scope);
        var listed = result.Connections
            .Where(c => c.Source is WorkloadPeer && c.Destination is WorkloadPeer)
            .ToDictionary(c => (c.Source.Name, c.Destination.Name), c => c.Allowed);
        var reference = new PerPortReference(cluster, scope);
        foreach (var source in cluster.Pods)
        {
            foreach (var destination in cluster.Pods)
            {
                if (ReferenceEquals(source, destination)) continue;
                var set = listed.GetValueOrDefault((source.Workload.ToString(), destination.Workload.ToString()), ConnectionSet.None);
                reference.AssertAgrees(set, reference.Endpoint(source), reference.Endpoint(destination), $"scope {scope}");
            }
        }
    }

    /// <summary>Shape of any result: sorted, no empty lines, no self lines, one line per pair, no warnings for bare pods.</summary>
    internal static void AssertWellFormed(ConnectivityResult result, IPBlockScope scope)
    {
        Assert.Empty(result.Warnings);
        var keys = result.Connections.Select(c => (c.Source.Name, c.Destination.Name)).ToList();
        Assert.True(keys.Distinct().Count() == keys.Count, $"scope {scope}: a pair is listed twice");
        for (int i = 1; i < keys.Count; i++)
        {
            var order = string.CompareOrdinal(keys[i - 1].Item1, keys[i].Item1);
            if (order == 0) order = string.CompareOrdinal(keys[i - 1].Item2, keys[i].Item2);
            Assert.True(order < 0, $"scope {scope}: lines out of order at {keys[i - 1]} / {keys[i]}");
        }
        foreach (var c in result.Connections)
        {
            Assert.False(c.Allowed.IsEmpty, $"scope {scope}: empty line {c.Source} => {c.Destination}");
            Assert.NotEqual(c.Source, c.Destination);
            Assert.False(c.Source is ExternalPeer && c.Destination is ExternalPeer, $"scope {scope}: external to external line");
        }
    }
}
