using System.Collections.Immutable;
using Portolan.Core.Model;
using Portolan.Nftables.Ruleset;

namespace Portolan.Nftables.Compilation;

/// <summary>
/// An admin or baseline tier as one chain per direction, its policies' rules flattened in (priority, name,
/// rule) order, so the first rule that matches a packet decides it (semantics §4.7): Allow accepts, Deny
/// drops, Pass returns to the caller, which goes on to the NetworkPolicy tier. One chain is what makes
/// <c>return</c> leave the whole tier (enforcement.md §7).
/// </summary>
public static class TierChain
{
    public static NftChain? Build(string name, IEnumerable<Policy> policies, Direction direction, RuleExpander expander, PeerAddresses addresses, NftVerdict deny)
    {
        var rules = ImmutableArray.CreateBuilder<NftRule>();
        foreach (var policy in policies)
        {
            if (!policy.Affects(direction)) continue;
            var subject = addresses.Selected(policy.Subject).ToList();
            if (subject.Count == 0) continue;
            var policyRules = policy.Rules(direction);
            for (int i = 0; i < policyRules.Length; i++)
            {
                var verdict = policyRules[i].Action switch
                {
                    RuleAction.Allow => NftVerdict.Accept,
                    RuleAction.Deny => deny,
                    _ => NftVerdict.Return,
                };
                rules.AddRange(expander.Expand(policy, direction, i, subject, matchSubject: true, verdict));
            }
        }
        return rules.Count == 0 ? null : new NftChain(name, null, rules.ToImmutable());
    }
}
