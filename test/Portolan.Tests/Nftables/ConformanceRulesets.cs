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

    // One nft run for the whole corpus (each case its own table); on failure each case is checked alone.
    [NftFact]
    public void Nft_accepts_the_ruleset_of_every_case() =>
        NftCheck.AssertAllAccepted([.. CorpusCase.All.Where(c => c.Kind == "connlist").Select((c, i) => (c.Name,
            NftablesCompiler.Compile(AddressedClusters.Assign(AddressedClusters.Corpus(c.Name), someIPv6: true), PodAddresses.None,
                new CompileOptions(RejectInsteadOfDrop: i % 2 == 1, TableName: $"case{i}"))))]);
}
