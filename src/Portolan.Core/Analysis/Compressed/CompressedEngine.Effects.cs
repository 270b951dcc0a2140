using Portolan.Core.Model;

namespace Portolan.Core.Analysis.Compressed;

/// <summary>Whether a rule matters: its rows recomputed without it, on the atoms it matches (issue 5, redundant rules).</summary>
public sealed partial class CompressedEngine
{
    /// <summary>
    /// Would removing <paramref name="rule"/> of <paramref name="policy"/> change what any class's own side allows?
    /// Only the classes the policy selects and the atoms the rule matches can change, so only those rows are
    /// recomputed without the rule, once per shared profile; nothing cached is changed. This is the side-level
    /// form of "removing it changes no connection" (semantics §4.7): a rule that its own side never needs.
    /// </summary>
    public RuleEffect EffectOf(Policy policy, Rule rule, Direction direction)
    {
        if (!policy.Affects(direction) || !_subjects.TryGetValue(policy, out var subjects)) return RuleEffect.MatchesNothing;
        var matches = false;
        var seen = new HashSet<BitSet[]>(ReferenceEqualityComparer.Instance);
        foreach (var c in subjects.Indices())
        {
            if (c >= ClassCount) break;
            var rows = direction == Direction.Egress ? Egress[c] : Ingress[c];
            // Classes with one profile share their rows, and so the answer.
            if (!seen.Add(rows)) continue;
            var subject = Classes[c].Representative;
            (List<Policy> Admin, List<Policy> NetworkPolicies, List<Policy> Baseline)? tiers = null;
            for (int k = 0; k < Atoms.Count; k++)
            {
                var match = Match(rule, direction, subject, k);
                if (match is null || match.IsEmpty) continue;
                matches = true;
                tiers ??= PoliciesOf(c, direction, _subjects);
                var without = Row(subject, direction, k, tiers.Value.Admin, tiers.Value.NetworkPolicies, tiers.Value.Baseline, rule);
                if (!without.SetEquals(rows[k])) return RuleEffect.Matters;
            }
        }
        return matches ? RuleEffect.Redundant : RuleEffect.MatchesNothing;
    }
}
