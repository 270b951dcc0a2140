using System.Collections.Immutable;
using Portolan.Core.Model;

namespace Portolan.Core.Analysis;

/// <summary>Policies split by tier in evaluation order; NetworkPolicies grouped by namespace.</summary>
public sealed class PolicyIndex
{
    public PolicyIndex(IEnumerable<Policy> policies)
    {
        var all = policies.ToList();
        Admin = [.. all.Where(p => p.Tier == Tier.Admin).OrderBy(p => p.Priority).ThenBy(p => p.Name, StringComparer.Ordinal)];
        Baseline = [.. all.Where(p => p.Tier == Tier.Baseline).OrderBy(p => p.Priority).ThenBy(p => p.Name, StringComparer.Ordinal)];
        NetworkPolicies = all.Where(p => p.Tier == Tier.NetworkPolicy)
            .GroupBy(p => p.Namespace ?? "", StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.OrderBy(p => p.Name, StringComparer.Ordinal).ToImmutableArray(), StringComparer.Ordinal);
    }

    public ImmutableArray<Policy> Admin { get; }

    public ImmutableArray<Policy> Baseline { get; }

    public ImmutableDictionary<string, ImmutableArray<Policy>> NetworkPolicies { get; }

    public ImmutableArray<Policy> NetworkPoliciesIn(string ns) =>
        NetworkPolicies.TryGetValue(ns, out var list) ? list : [];
}
