using Portolan.Nftables;
using Portolan.Tests.Conformance;

namespace Portolan.Tests.Nftables;

/// <summary>
/// np-guard's corpus (NetworkPolicy, ANP, BANP, named ports, ipBlocks with except), every pod given an
/// address: the ruleset decides as the analysis does, and the real nft accepts it.
/// </summary>
public sealed class ConformanceRulesets
{
    public static TheoryData<string> Cases => CorpusCase.Names("connlist");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ruleset_decides_as_the_analysis(string name) =>
        RulesetMatchesAnalysis.Check(AddressedClusters.Assign(AddressedClusters.Corpus(name), someIPv6: false), reject: false);

    [NftTheory]
    [MemberData(nameof(Cases))]
    public void Nft_accepts_the_ruleset(string name)
    {
        var cluster = AddressedClusters.Assign(AddressedClusters.Corpus(name), someIPv6: true);
        var ruleset = NftablesCompiler.Compile(cluster, PodAddresses.None, new CompileOptions());
        NftCheck.AssertAccepted(ruleset.Text, json: false, name);
        NftCheck.AssertAccepted(NftablesCompiler.ToJson(ruleset), json: true, name);
    }
}
