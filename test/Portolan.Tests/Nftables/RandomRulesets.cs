using CsCheck;
using Portolan.Nftables;
using Portolan.Tests.Core;

namespace Portolan.Tests.Nftables;

/// <summary>The real nft accepts the ruleset of random clusters (dual-stack pods, every tier, ranges, named ports), text and JSON, drop and reject: 120 clusters in two nft runs.</summary>
public sealed class RandomRulesets
{
    [NftFact]
    public void Nft_accepts_the_ruleset_of_random_clusters() =>
        RandomClusters.Clusters.Array[60].Sample(clusters => NftCheck.AssertAllAccepted([.. clusters.Select((c, i) => (c.ToString(),
            NftablesCompiler.Compile(c.Cluster, PodAddresses.None, new CompileOptions(RejectInsteadOfDrop: i % 2 == 1, TableName: $"random{i}"))))]),
            iter: 2, threads: 1);
}
