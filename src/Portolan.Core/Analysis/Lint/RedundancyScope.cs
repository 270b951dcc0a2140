using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Model;

namespace Portolan.Core.Analysis.Lint;

/// <summary>
/// Which rules the greedy redundancy pass must judge so that its verdicts on the focused policy's rules are
/// those of a pass over every rule. A rule's verdict compares, for each class its policy selects, the rows
/// with and without it (semantics §4.7); the two differ only on the (peer, atom) pairs the rule matches, and
/// there both depend only on the rules of that direction matching the same class, peer and atom. A rule
/// judged earlier and found redundant was removed: it changes a later verdict only if it shares such a
/// triple with that later rule. So a focused rule needs the earlier rules it may share one with, and those
/// rules in turn need theirs: the closure, bounded by judging order. Sharing is over-approximated (named
/// ports match any atom), which only judges more rules than needed and changes no verdict.
/// </summary>
public static class RedundancyScope
{
    /// <param name="order">Every effective rule, in the order the pass judges them.</param>
    /// <returns>Per position in <paramref name="order"/>: must that rule be judged?</returns>
    public static bool[] Judged(LintContext context, IReadOnlyList<(Policy Policy, Direction Direction, int Position, Rule Rule)> order)
    {
        var engine = context.Engine;
        var judged = new bool[order.Count];
        var targets = new RuleTargets?[order.Count];
        RuleTargets TargetsAt(int i) => targets[i] ??= engine.Targets(order[i].Rule);
        var work = new Stack<int>();
        for (int i = 0; i < order.Count; i++)
        {
            if (!context.InFocus(order[i].Policy)) continue;
            judged[i] = true;
            work.Push(i);
        }
        while (work.Count > 0)
        {
            var later = work.Pop();
            var (policy, direction, _, _) = order[later];
            var subject = engine.SelectionSet(policy.Subject);
            for (int i = 0; i < later; i++)
            {
                if (judged[i] || order[i].Direction != direction) continue;
                if (!Overlap(subject, engine.SelectionSet(order[i].Policy.Subject)) || !Share(TargetsAt(i), TargetsAt(later))) continue;
                judged[i] = true;
                work.Push(i);
            }
        }
        return judged;
    }

    // Some peer and some atom both rules may match.
    private static bool Share(RuleTargets a, RuleTargets b)
    {
        if (!Overlap(a.Peers, b.Peers)) return false;
        if (a.Named.Length > 0 || b.Named.Length > 0) return true;
        for (int k = 0; k < a.NumericAtoms.Length; k++)
        {
            if (a.NumericAtoms[k] && b.NumericAtoms[k]) return true;
        }
        return false;
    }

    // Bits past the classes (address atoms) may overlap in subjects too: that only judges more rules.
    private static bool Overlap(BitSet a, BitSet b)
    {
        var x = a.Words;
        var y = b.Words;
        for (int i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            if ((x[i] & y[i]) != 0) return true;
        }
        return false;
    }
}
