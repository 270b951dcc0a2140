using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Portolan.Core.Analysis.Compressed;

public sealed partial class CompressedReport
{
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
}
