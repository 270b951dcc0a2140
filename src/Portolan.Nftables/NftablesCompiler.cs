using System.Collections.Immutable;
using Portolan.Core.Analysis;
using Portolan.Core.Model;
using Portolan.Nftables.Compilation;
using Portolan.Nftables.Rendering;
using Portolan.Nftables.Ruleset;

namespace Portolan.Nftables;

/// <summary>
/// Compiles a cluster's policy into one <c>table inet</c> for the forward hook of the namespace that
/// forwards between pods (docs/compile.md). What it enforces is the analysis with --ipblock-scope all.
/// </summary>
public static class NftablesCompiler
{
    public const string RejectChain = "reject_packet";

    public static CompiledRuleset Compile(Cluster cluster, PodAddresses addresses, CompileOptions options)
    {
        var resolved = PodAddressing.Resolve(cluster, addresses);
        var peers = new PeerAddresses(cluster, resolved.Pods);
        var sets = new SetRegistry();
        var expander = new RuleExpander(sets, peers);
        var index = new PolicyIndex(cluster.Policies);
        NftVerdict deny = options.RejectInsteadOfDrop ? NftVerdict.Goto(RejectChain) : NftVerdict.Drop;

        var baseChains = new List<NftChain>();
        var chains = new List<NftChain>();
        var maps = new List<NftMap>();
        var networkPolicy = new NetworkPolicyChains(index, expander, peers, deny);
        foreach (var direction in new[] { Direction.Egress, Direction.Ingress })
        {
            var word = RuleExpander.Word(direction);
            var admin = TierChain.Build($"admin_{word}", index.Admin, direction, expander, peers, deny);
            var np = networkPolicy.Build(direction);
            var baseline = TierChain.Build($"baseline_{word}", index.Baseline, direction, expander, peers, deny);
            baseChains.Add(BaseChains.Build(direction, admin is not null, np.Maps, baseline is not null));
            if (admin is not null) chains.Add(admin);
            chains.AddRange(np.Chains);
            if (baseline is not null) chains.Add(baseline);
            maps.AddRange(np.Maps);
        }
        if (options.RejectInsteadOfDrop)
        {
            chains.Add(new NftChain(RejectChain, null, [
                new NftRule([new ValueMatch(NftField.L4Proto, ["tcp"])], new NftVerdict.Reject(TcpReset: true), "denied: TCP reset"),
                new NftRule([], new NftVerdict.Reject(TcpReset: false), "denied: ICMP port unreachable"),
            ]));
        }

        var policies = index.Admin.Concat(cluster.Policies.Where(p => p.Tier == Tier.NetworkPolicy).OrderBy(p => p.DisplayName, StringComparer.Ordinal))
            .Concat(index.Baseline).ToList();
        var notes = new List<string>();
        if (resolved.Unaddressed.Count > 0)
        {
            notes.Add("not enforced, no IP address (give addresses in status.podIPs or --pod-ips): "
                + string.Join(", ", resolved.Unaddressed.Take(10)) + (resolved.Unaddressed.Count > 10 ? $", and {resolved.Unaddressed.Count - 10} more" : ""));
        }
        var table = new NftTable(options.TableName, Header(options, policies, resolved),
            sets.Sets, [.. maps], [.. baseChains, .. chains]);
        return new CompiledRuleset(NftTextWriter.Write(table), [.. policies.Select(p => p.DisplayName)], table.RuleCount, table.ElementCount)
        {
            Notes = notes,
            Table = table,
        };
    }

    public static string ToJson(CompiledRuleset ruleset) =>
        NftJsonWriter.Write(ruleset.Table ?? throw new ArgumentException("the ruleset was not made by Compile", nameof(ruleset)));

    private static ImmutableArray<string> Header(CompileOptions options, List<Policy> policies, PodAddressing.Result resolved)
    {
        var lines = ImmutableArray.CreateBuilder<string>();
        lines.Add($"Portolan: network policy compiled for nftables ({policies.Count} policies, {resolved.Pods.Count} pods with addresses).");
        lines.Add($"Apply with nft -f in the namespace that forwards between pods; it replaces table inet {options.TableName} atomically.");
        lines.Add(options.RejectInsteadOfDrop ? "Denied packets are rejected (TCP reset, ICMP port unreachable)." : "Denied packets are dropped.");
        lines.Add("Source policies, in evaluation order:");
        foreach (var policy in policies) lines.Add($"  {policy.Tier}: {policy.DisplayName}");
        if (resolved.Unaddressed.Count > 0)
        {
            lines.Add("Not enforced, no IP address:");
            foreach (var name in resolved.Unaddressed) lines.Add($"  {name}");
        }
        return lines.ToImmutable();
    }
}
