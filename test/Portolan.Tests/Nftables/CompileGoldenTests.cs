using Portolan.Nftables;
using Portolan.Tests.Support;

namespace Portolan.Tests.Nftables;

/// <summary>
/// Rulesets snapshotted under test/golden/compile-*: the bundled example addressed by a --pod-ips file, and
/// test/data/compile/features (every tier, IPv6, named ports per pod, ranges, except, SCTP). The real nft
/// accepts each, and each decides as the analysis does.
/// </summary>
public sealed class CompileGoldenTests
{
    private const string ShopIPs = "test/data/compile/shop.ips";
    private const string Features = "test/data/compile/features";

    [Theory]
    [InlineData("shop.nft", "nft", false)]
    [InlineData("shop-reject.nft", "nft", true)]
    [InlineData("shop.json", "json", false)]
    public void The_shop_example_compiles_to_its_golden(string golden, string format, bool reject)
    {
        string[] args = ["compile", "--target", "nftables", "examples/shop", "--pod-ips", ShopIPs, "-o", format, .. reject ? new[] { "--reject" } : []];
        var result = CliRunner.RunIn(Paths.RepoRoot, args);
        Assert.Equal(0, result.Exit);
        Assert.Equal("", result.Stderr);
        Golden.Verify("compile-shop", golden, result.Stdout);
    }

    [Fact]
    public void The_features_scenario_compiles_to_its_golden_and_notes_the_workload_without_address()
    {
        var result = CliRunner.RunIn(Paths.RepoRoot, "compile", "--target", "nftables", Features);
        Assert.Equal(0, result.Exit);
        Assert.Equal("note: not enforced, no IP address (give addresses in status.podIPs or --pod-ips): back/worker[Deployment]\n", result.Stderr);
        Golden.Verify("compile-features", "ruleset.nft", result.Stdout);
    }

    [Fact]
    public void Every_rule_names_its_policy_direction_and_rule_and_the_header_names_every_policy()
    {
        var cluster = AddressedClusters.Load(Path.Combine(Paths.RepoRoot, Features));
        var ruleset = NftablesCompiler.Compile(cluster, PodAddresses.None, new CompileOptions());
        foreach (var chain in ruleset.Table!.Chains.Where(c => c.Name.StartsWith("admin_", StringComparison.Ordinal) || c.Name.StartsWith("baseline_", StringComparison.Ordinal)))
            Assert.All(chain.Rules, r => Assert.Matches(@"^(AdminNetworkPolicy|BaselineAdminNetworkPolicy) \S+ (egress|ingress) rule \d+$", r.Comment));
        Assert.Equal(["AdminNetworkPolicy ops-access", "back/api", "back/db", "front/web", "BaselineAdminNetworkPolicy default"], ruleset.SourcePolicies);
        foreach (var policy in ruleset.SourcePolicies) Assert.Contains($"#   ", ruleset.Text.Split('\n').First(l => l.EndsWith(policy, StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(ruleset.Table.RuleCount, ruleset.RuleCount);
        Assert.Equal(ruleset.Text.Split('\n').Count(l => l.Contains(" comment \"", StringComparison.Ordinal)), ruleset.RuleCount);
    }

    [Fact]
    public void The_features_ruleset_decides_as_the_analysis() =>
        RulesetMatchesAnalysis.Check(RulesetMatchesAnalysis.SingleStack(AddressedClusters.Load(Path.Combine(Paths.RepoRoot, Features))), reject: false);

    [Fact]
    public void The_addressed_shop_decides_as_the_analysis()
    {
        var cluster = AddressedClusters.Load(Path.Combine(Paths.RepoRoot, "examples/shop"));
        var addresses = PodAddressesFile.Parse(File.ReadAllText(Path.Combine(Paths.RepoRoot, ShopIPs)), ShopIPs);
        var addressed = cluster with { Pods = [.. cluster.Pods.Select(p => p with { IPs = [.. addresses.ByPod[$"{p.Namespace}/{p.Name}"]] })] };
        RulesetMatchesAnalysis.Check(RulesetMatchesAnalysis.SingleStack(addressed), reject: false);
    }

    [NftFact]
    public void The_json_form_loads_as_the_same_table_as_the_text_form()
    {
        var shop = AddressedClusters.Load(Path.Combine(Paths.RepoRoot, "examples/shop"));
        var addresses = PodAddressesFile.Parse(File.ReadAllText(Path.Combine(Paths.RepoRoot, ShopIPs)), ShopIPs);
        var features = AddressedClusters.Load(Path.Combine(Paths.RepoRoot, Features));
        foreach (var ruleset in new[] { NftablesCompiler.Compile(shop, addresses, new CompileOptions(RejectInsteadOfDrop: true)),
                     NftablesCompiler.Compile(features, PodAddresses.None, new CompileOptions()) })
        {
            var fromText = NftCheck.LoadAndList(ruleset.Text, json: false, "portolan");
            Assert.Contains("chain pod_egress", fromText, StringComparison.Ordinal);
            Assert.Equal(fromText, NftCheck.LoadAndList(NftablesCompiler.ToJson(ruleset), json: true, "portolan"));
        }
    }

    [NftFact]
    public void Nft_accepts_the_golden_rulesets()
    {
        var shop = AddressedClusters.Load(Path.Combine(Paths.RepoRoot, "examples/shop"));
        var addresses = PodAddressesFile.Parse(File.ReadAllText(Path.Combine(Paths.RepoRoot, ShopIPs)), ShopIPs);
        var features = AddressedClusters.Load(Path.Combine(Paths.RepoRoot, Features));
        NftCheck.AssertAllAccepted([
            ("shop", NftablesCompiler.Compile(shop, addresses, new CompileOptions())),
            ("shop --reject", NftablesCompiler.Compile(shop, addresses, new CompileOptions(RejectInsteadOfDrop: true, TableName: "shop_reject"))),
            ("features", NftablesCompiler.Compile(features, PodAddresses.None, new CompileOptions(TableName: "features"))),
            ("features --reject", NftablesCompiler.Compile(features, PodAddresses.None, new CompileOptions(RejectInsteadOfDrop: true, TableName: "features_reject"))),
        ]);
    }
}
