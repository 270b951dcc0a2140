using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

    /// <summary>
    /// One source's allowed destinations: found in endpoint order (the order rows lie in memory), each
    /// with what the source may open toward it, then listed by where they print (name order).
    /// </summary>
    private sealed class PairCandidates
    {
        private readonly CompressedReport _report;
        private readonly int[] _first; // positions of endpoint e in the sorted destinations: _positions[_first[e].._first[e + 1]]
        private readonly int[] _positions;
        private readonly int[] _setTo;
        private readonly List<int> _candidates = [];
        private ulong[] _atoms = new ulong[64];
        private readonly List<int> _order = [];

        public PairCandidates(CompressedReport report)
        {
            _report = report;
            var endpoints = report._engine.EndpointCount;
            _first = new int[endpoints + 1];
            foreach (var (_, e) in report._destinations) _first[e + 1]++;
            for (int e = 0; e < endpoints; e++) _first[e + 1] += _first[e];
            _positions = new int[report._destinations.Count];
            var next = (int[])_first.Clone();
            for (int i = 0; i < report._destinations.Count; i++) _positions[next[report._destinations[i].Endpoint]++] = i;
            _setTo = new int[endpoints];
        }

        /// <summary>The positions in the sorted destinations that endpoint <paramref name="s"/> reaches, in order.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public List<int> From(int s)
        {
            // First the endpoints that print, then what s may open toward each, in a loop of lookups that
            // do not wait on one another (they read rows far apart), then where they print.
            _candidates.Clear();
            var classCount = _report._engine.ClassCount;
            if (s < classCount)
            {
                // Only the row's set bits can be destinations.
                var words = _report.Reachable[s].Words;
                for (int w = 0; w < words.Length; w++)
                {
                    for (var bits = words[w]; bits != 0; bits &= bits - 1) Candidate((w << 6) + BitOperations.TrailingZeroCount(bits));
                }
            }
            else
            {
                for (int d = 0; d < classCount; d++) Candidate(d);
            }
            if (_atoms.Length < _candidates.Count) _atoms = new ulong[Math.Max(_candidates.Count, _atoms.Length * 2)];
            var candidates = CollectionsMarshal.AsSpan(_candidates);
            if (_report.ExternalAdmissionsOf(s) is { } external)
            {
                var offset = (s - _report._engine.FirstSourceAtom) & 63;
                for (int i = 0; i < candidates.Length; i++) _atoms[i] = external.AtomsFrom(offset, candidates[i]) & _report.AllAtoms;
            }
            else
            {
                for (int i = 0; i < candidates.Length; i++) _atoms[i] = _report.AtomsBetween(s, candidates[i]);
            }
            _order.Clear();
            for (int i = 0; i < candidates.Length; i++)
            {
                var d = candidates[i];
                var set = _report.SetBetween(s, d, _atoms[i]);
                if (set < 0) continue;
                _setTo[d] = set;
                for (int p = _first[d]; p < _first[d + 1]; p++) _order.Add(_positions[p]);
            }
            _order.Sort();
            return _order;
        }

        /// <summary>The index of the set toward <paramref name="d"/> found by the last <see cref="From"/>.</summary>
        public int SetTo(int d) => _setTo[d];

        private void Candidate(int d)
        {
            if (_first[d] != _first[d + 1]) _candidates.Add(d);
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
