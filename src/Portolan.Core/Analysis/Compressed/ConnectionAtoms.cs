using Portolan.Core.Sets;

namespace Portolan.Core.Analysis.Compressed;

/// <summary>
/// The protocol×port space cut at every boundary any rule or named port uses, so that every rule's
/// ports are a union of whole atoms. Decisions are made per atom, never per port.
/// </summary>
public sealed class ConnectionAtoms
{
    private readonly List<(Protocol Protocol, int From, int To)> _atoms = [];

    public ConnectionAtoms(IEnumerable<ConnectionSet> sets)
    {
        var starts = Protocols.All.ToDictionary(p => p, _ => new SortedSet<int> { PortSet.MinPort });
        foreach (var set in sets)
        {
            foreach (var protocol in Protocols.All)
            {
                foreach (var interval in set[protocol].Intervals)
                {
                    starts[protocol].Add(interval.Start);
                    if (interval.End < PortSet.MaxPort) starts[protocol].Add(interval.End + 1);
                }
            }
        }
        foreach (var protocol in Protocols.All)
        {
            var list = starts[protocol].ToList();
            for (int i = 0; i < list.Count; i++)
            {
                _atoms.Add((protocol, list[i], i + 1 < list.Count ? list[i + 1] - 1 : PortSet.MaxPort));
            }
        }
    }

    public int Count => _atoms.Count;

    /// <summary>
    /// These atoms cut further at the boundaries of more sets, and for each new atom the old atom it
    /// lies in (a new atom is always part of exactly one old atom: cuts are only added).
    /// </summary>
    public (ConnectionAtoms Atoms, int[] Parent) Refine(IEnumerable<ConnectionSet> more)
    {
        var refined = new ConnectionAtoms(Enumerable.Range(0, Count).Select(k => SetOf([k])).Concat(more));
        var parent = new int[refined.Count];
        for (int j = 0, k = 0; j < refined.Count; j++)
        {
            var (protocol, from, _) = refined[j];
            while (_atoms[k].Protocol != protocol || _atoms[k].To < from) k++;
            parent[j] = k;
        }
        return (refined, parent);
    }

    public (Protocol Protocol, int From, int To) this[int atom] => _atoms[atom];

    /// <summary>The atoms a set covers (sets built from the same boundaries cover atoms whole).</summary>
    public List<int> AtomsOf(ConnectionSet set)
    {
        var result = new List<int>();
        for (int k = 0; k < _atoms.Count; k++)
        {
            var (p, from, _) = _atoms[k];
            if (set.Contains(p, from)) result.Add(k);
        }
        return result;
    }

    public int AtomOf(Protocol protocol, int port)
    {
        for (int k = 0; k < _atoms.Count; k++)
        {
            var (p, from, to) = _atoms[k];
            if (p == protocol && port >= from && port <= to) return k;
        }
        throw new ArgumentOutOfRangeException(nameof(port));
    }

    public ConnectionSet SetOf(IEnumerable<int> atoms)
    {
        var intervals = Protocols.All.ToDictionary(p => p, _ => new List<Interval<int>>());
        foreach (var k in atoms)
        {
            var (p, from, to) = _atoms[k];
            intervals[p].Add(new Interval<int>(from, to));
        }
        var result = ConnectionSet.None;
        foreach (var (p, list) in intervals)
        {
            if (list.Count > 0) result = result.Union(ConnectionSet.Of(p, IntervalSet<int>.FromIntervals(list)));
        }
        return result;
    }
}
