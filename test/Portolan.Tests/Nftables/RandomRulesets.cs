using CsCheck;
using Portolan.Nftables;
using Portolan.Tests.Core;

namespace Portolan.Tests.Nftables;

/// <summary>The real nft accepts the ruleset of random clusters (dual-stack pods, every tier, ranges, named ports), text and JSON, drop and reject.</summary>
public sealed class RandomRulesets
{
    [NftFact]
    public void Nft_accepts_the_ruleset_of_random_clusters() =>
        RandomClusters.Clusters.Sample(c =>
        {
            var reject = c.Cluster.Pods.Length % 2 == 0;
            var ruleset = NftablesCompiler.Compile(c.Cluster, PodAddresses.None, new CompileOptions(RejectInsteadOfDrop: reject));
            NftCheck.AssertAccepted(ruleset.Text, json: false, "a random cluster");
            NftCheck.AssertAccepted(NftablesCompiler.ToJson(ruleset), json: true, "a random cluster");
        }, iter: 40, threads: 1);
}
