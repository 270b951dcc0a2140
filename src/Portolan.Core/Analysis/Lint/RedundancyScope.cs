using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Model;

namespace Portolan.Core.Analysis.Lint;

/// <summary>
/// Which rules the greedy redundancy pass must judge so that its verdicts on the focused policy's rules are
/// those of a pass over every rule. Judging a rule reads only the rows of its policy's subject classes in its
/// direction, and those rows change only when a rule (same direction) of a policy selecting one of those
/// classes is removed. So a focused rule needs the rules judged before it of the policies whose subjects
/// overlap its own, and those rules in turn need theirs: the closure, bounded by judging order.
/// </summary>
public static class RedundancyScope
{
    /// <param name="order">Every effective rule, in the order the pass judges them.</param>
    /// <returns>Per position in <paramref name="order"/>: must that rule be judged?</returns>
    public static bool[] Judged(LintContext context, IReadOnlyList<(Policy Policy, Direction Direction, int Position, Rule Rule)> order)
    {
        // Positions of each policy's rules per direction, ascending; and each policy's subject classes.
        var positions = new Dictionary<(Policy, Direction), List<int>>(PolicyDirection.Instance);
        for (int i = 0; i < order.Count; i++)
        {
            var key = (order[i].Policy, order[i].Direction);
            if (!positions.TryGetValue(key, out var list)) positions[key] = list = [];
            list.Add(i);
        }
        var groups = positions.Keys.ToList();
        var subjects = new Dictionary<Policy, BitSet>(ReferenceEqualityComparer.Instance);
        foreach (var (policy, _) in groups) subjects[policy] = context.Engine.SelectionSet(policy.Subject);
        // needed[(policy, direction)]: the last position of its rules that must be judged.
        var needed = new Dictionary<(Policy, Direction), int>(PolicyDirection.Instance);
        var work = new Stack<(Policy, Direction)>();
        foreach (var key in groups.Where(g => context.InFocus(g.Item1)))
        {
            needed[key] = positions[key][^1];
            work.Push(key);
        }
        while (work.Count > 0)
        {
            var (policy, direction) = work.Pop();
            var limit = needed[(policy, direction)];
            foreach (var other in groups)
            {
                if (other.Item2 != direction || !Overlap(subjects[policy], subjects[other.Item1])) continue;
                // Its last rule judged before the limit (or the limit itself, for the policy's own rules).
                var list = positions[other];
                var last = -1;
                for (int j = list.Count - 1; j >= 0; j--)
                {
                    if (list[j] <= limit) { last = list[j]; break; }
                }
                if (last < 0 || last <= needed.GetValueOrDefault(other, -1)) continue;
                needed[other] = last;
                work.Push(other);
            }
        }
        var judged = new bool[order.Count];
        for (int i = 0; i < order.Count; i++)
        {
            judged[i] = needed.TryGetValue((order[i].Policy, order[i].Direction), out var last) && i <= last;
        }
        return judged;
    }

    // Bits past the classes (address atoms) may overlap too: judging more rules than needed changes no verdict.
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

    private sealed class PolicyDirection : IEqualityComparer<(Policy, Direction)>
    {
        public static readonly PolicyDirection Instance = new();

        public bool Equals((Policy, Direction) x, (Policy, Direction) y) => ReferenceEquals(x.Item1, y.Item1) && x.Item2 == y.Item2;

        public int GetHashCode((Policy, Direction) obj) => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item1), obj.Item2);
    }
}
