using System.Runtime.CompilerServices;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis.Compressed;

/// <summary>The allowed pairs of the report, streamed in (source, destination) ordinal order.</summary>
public sealed partial class CompressedReport
{
    private BitSet[]? _reachable;

    // Per class and direction, the distinct rows with the atoms each stands for (null past 64 atoms):
    // shared with the pair decision, and a pair's connections cost a few bit tests rather than one per atom.
    private AtomGroup[][]? _egressGroups;
    private AtomGroup[][]? _ingressGroups;

    private readonly List<ConnectionSet> _sets = [];
    private readonly Dictionary<ConnectionSet, int> _setByValue = [];
    private readonly SetIdCache _setByAtoms = new();

    /// <summary>The distinct connection sets of the pairs produced so far, indexed by <see cref="ReportPair.Set"/>.</summary>
    public IReadOnlyList<ConnectionSet> Sets => _sets;

    private BitSet[] Reachable => _reachable ??= Decide();

    private BitSet[] Decide()
    {
        if (_engine.Atoms.Count > 64) return _engine.ReachableRowsTransposed();
        _egressGroups = AtomGroup.OfAll(_engine.Egress);
        _ingressGroups = AtomGroup.OfAll(_engine.Ingress);
        return _engine.ReachableRowsSparse(_egressGroups, _ingressGroups);
    }

    /// <summary>Every allowed pair, sorted by (source, destination), produced lazily.</summary>
    public IEnumerable<Connection> Connections()
    {
        foreach (var (source, destination, set) in Pairs())
            yield return new Connection(_sources[source].Peer, _destinations[destination].Peer, _sets[set]);
    }

    /// <summary>Every allowed pair as indexes, sorted by (source, destination), produced lazily.</summary>
    public IEnumerable<ReportPair> Pairs()
    {
        var candidates = new PairCandidates(this);
        for (int source = 0; source < _sources.Count; source++)
        {
            var (peer, s) = _sources[source];
            foreach (var destination in candidates.From(s))
            {
                var (other, d) = _destinations[destination];
                if (!ReferenceEquals(peer, other)) yield return new ReportPair(source, destination, candidates.SetTo(d));
            }
        }
    }

    private readonly Dictionary<int, ExternalAdmissions> _externalAdmissions = [];

    // For an external source (with at most 64 atoms), what classes admit from its window of 64 sources.
    private ExternalAdmissions? ExternalAdmissionsOf(int s)
    {
        if (s < _engine.ClassCount || _ingressGroups is not { } ingress) return null;
        var window = (s - _engine.FirstSourceAtom) >> 6;
        if (!_externalAdmissions.TryGetValue(window, out var admissions))
            _externalAdmissions[window] = admissions = new ExternalAdmissions(ingress, _engine.FirstSourceAtom + window * 64);
        return admissions;
    }

    // The atoms endpoint s may open toward endpoint d on (with at most 64 atoms).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ulong AtomsBetween(int s, int d)
    {
        if (_egressGroups is not { } egress || _ingressGroups is not { } ingress) return 0;
        var classes = _engine.ClassCount;
        var atoms = s < classes ? AtomGroup.AtomsHolding(egress[s], d, AllAtoms) : AllAtoms;
        return atoms != 0 && d < classes ? AtomGroup.AtomsHolding(ingress[d], s, atoms) : atoms;
    }

    // The index in _sets of what endpoint s may open toward endpoint d, or -1 for nothing; atoms are
    // AtomsBetween(s, d), or unused past 64 atoms.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int SetBetween(int s, int d, ulong atoms)
    {
        if (_egressGroups is null)
        {
            var set = _engine.Connections(s, d);
            return set.IsEmpty ? -1 : Intern(set);
        }
        if (atoms == 0) return -1;
        if (_setByAtoms.TryGet(atoms, out var known)) return known;
        var found = Intern(_engine.Atoms.SetOf(Enumerable.Range(0, _engine.Atoms.Count).Where(k => (atoms & (1UL << k)) != 0)));
        _setByAtoms.Add(atoms, found);
        return found;
    }

    private ulong AllAtoms => _engine.Atoms.Count == 64 ? ulong.MaxValue : (1UL << _engine.Atoms.Count) - 1;

    private int Intern(ConnectionSet set)
    {
        if (_setByValue.TryGetValue(set, out var known)) return known;
        _sets.Add(set);
        return _setByValue[set] = _sets.Count - 1;
    }
}
