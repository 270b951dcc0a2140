using System.Collections.Immutable;
using System.Net;
using Portolan.Core.Analysis;
using Portolan.Core.Model;
using Portolan.Core.Sets;
using Portolan.Nftables.Ruleset;

namespace Portolan.Nftables.Compilation;

/// <summary>
/// The NetworkPolicy tier of one direction. A pod selected by some policy of that direction is isolated
/// (semantics §3.2): verdict maps send its addresses to the chain of its class (the policies selecting it),
/// which jumps to each policy's chain, any of which may accept, and denies what none accepts. Pods selected
/// by the same policies share one class chain, so the ruleset grows with policies and classes, not pods.
/// </summary>
public sealed class NetworkPolicyChains(PolicyIndex index, RuleExpander expander, PeerAddresses addresses, NftVerdict deny)
{
    public sealed record Result(ImmutableArray<NftChain> Chains, ImmutableArray<NftMap> Maps);

    public static string MapName(Direction direction, IPFamily family) => $"np_{RuleExpander.Word(direction)}_{family.Suffix()}";

    public Result Build(Direction direction)
    {
        var word = RuleExpander.Word(direction);
        var classes = new SortedDictionary<string, (List<Policy> Policies, List<AddressedPod> Pods)>(StringComparer.Ordinal);
        foreach (var pod in addresses.Pods)
        {
            var selecting = index.NetworkPoliciesIn(pod.Pod.Namespace)
                .Where(p => p.Affects(direction) && p.Subject.Matches(pod.Pod, pod.NamespaceLabels)).ToList();
            if (selecting.Count == 0) continue;
            var key = string.Join("\n", selecting.Select(p => p.DisplayName));
            if (!classes.TryGetValue(key, out var entry)) classes[key] = entry = (selecting, []);
            entry.Pods.Add(pod);
        }

        var chains = ImmutableArray.CreateBuilder<NftChain>();
        var policyChains = new Dictionary<Policy, string?>(ReferenceEqualityComparer.Instance);
        var policyChainList = new List<NftChain>();
        var entries = IPFamilies.All.ToDictionary(f => f, _ => new List<(IPAddress Address, string Chain)>());
        var number = 0;
        foreach (var (policies, pods) in classes.Values)
        {
            var name = $"np_{word}_{++number}";
            var rules = ImmutableArray.CreateBuilder<NftRule>();
            foreach (var policy in policies)
            {
                if (PolicyChain(policy, direction, policyChainList, policyChains) is { } target)
                    rules.Add(new NftRule([], NftVerdict.Jump(target), Naming.Comment(policy.DisplayName, $" {word}")));
            }
            rules.Add(new NftRule([], deny, Naming.Comment(string.Join(", ", policies.Select(p => p.DisplayName)), $" isolate {word}")));
            chains.Add(new NftChain(name, null, rules.ToImmutable()));
            foreach (var family in IPFamilies.All) entries[family].AddRange(pods.SelectMany(p => p.Addresses(family)).Select(a => (a, name)));
        }
        chains.AddRange(policyChainList.OrderBy(c => c.Name, StringComparer.Ordinal));

        var maps = ImmutableArray.CreateBuilder<NftMap>();
        foreach (var family in IPFamilies.All)
        {
            var elements = entries[family]
                .OrderBy(e => Cidr.ToInteger(e.Address).Value)
                .Select(e => ((NftValue)new NftValue.Text(e.Address.ToString()), NftVerdict.Goto(e.Chain)))
                .ToImmutableArray();
            if (!elements.IsEmpty) maps.Add(new NftMap(MapName(direction, family), family, elements));
        }
        return new Result(chains.ToImmutable(), maps.ToImmutable());
    }

    // One chain per policy and direction, shared by every class the policy belongs to; none for a policy without rules.
    private string? PolicyChain(Policy policy, Direction direction, List<NftChain> chains, Dictionary<Policy, string?> known)
    {
        if (known.TryGetValue(policy, out var existing)) return existing;
        var subject = addresses.Selected(policy.Subject).ToList();
        var rules = ImmutableArray.CreateBuilder<NftRule>();
        for (int i = 0; i < policy.Rules(direction).Length; i++)
            rules.AddRange(expander.Expand(policy, direction, i, subject, matchSubject: false, NftVerdict.Accept));
        string? name = null;
        if (rules.Count > 0)
        {
            name = Naming.Identifier("np", policy.Namespace ?? "", policy.Name, RuleExpander.Word(direction));
            // Names are not validated (a '_' in both may make "a_b/c" and "a/b_c" meet): the second gets a hash.
            if (chains.Any(c => c.Name == name)) name = $"{name}_{Naming.Hash(policy.DisplayName, 8)}";
            chains.Add(new NftChain(name, null, rules.ToImmutable()));
        }
        known[policy] = name;
        return name;
    }
}
