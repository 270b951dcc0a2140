using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis.Guardrails;

/// <summary>
/// The restricted mode (the admission webhook): only pairs with a touched class at either end, and
/// touched classes' isolation, are evaluated; everything else decides as before the change. Pairs are
/// filtered on the touched end's own rows, so nothing is computed for the whole state.
/// </summary>
public sealed partial class GuardrailEvaluator
{
    // Null: every endpoint counts as touched (the full evaluation).
    private readonly bool[]? _touched;
    private readonly Dictionary<int, BitSet> _sends = [];
    private readonly Dictionary<int, BitSet> _admits = [];

    private static bool[] Touching(CompressedEngine engine, IEnumerable<int> classes)
    {
        var touched = new bool[engine.ClassCount];
        foreach (var c in classes)
        {
            if (c < 0 || c >= engine.ClassCount) throw new ArgumentOutOfRangeException(nameof(classes), c, $"the engine has {engine.ClassCount} classes");
            touched[c] = true;
        }
        return touched;
    }

    /// <summary>Is this endpoint evaluated in full (every pair it is an end of)? External ranges never are on their own.</summary>
    private bool IsTouched(int endpoint) => _touched is null || (endpoint < _engine.ClassCount && _touched[endpoint]);

    /// <summary>The sources a statement pairs with each destination: all, and the touched ones alone (the same list when every one is).</summary>
    private (List<Candidate> All, List<Candidate> Touched) Split(List<Candidate> sources) =>
        (sources, _touched is null ? sources : [.. sources.Where(c => IsTouched(c.Endpoint))]);

    /// <summary>The sources that pair with a destination: all when it is touched, else only the touched ones (order kept).</summary>
    private List<Candidate> PairedWith(Candidate destination, (List<Candidate> All, List<Candidate> Touched) sources) =>
        IsTouched(destination.Endpoint) ? sources.All : sources.Touched;

    /// <summary>In the restricted mode, can any atom carry source → destination? Checked on the touched end's rows.</summary>
    private bool MayReach(int source, int destination)
    {
        if (source < _engine.ClassCount && _touched![source] && !Union(_sends, source, _engine.Egress)[destination]) return false;
        return destination >= _engine.ClassCount || !_touched![destination] || Union(_admits, destination, _engine.Ingress)[source];
    }

    // The endpoints a class's side lets through on any atom (rows are shared between atoms: each distinct one once).
    private BitSet Union(Dictionary<int, BitSet> cache, int c, BitSet[][] rows)
    {
        if (cache.TryGetValue(c, out var union)) return union;
        union = new BitSet(_engine.EndpointCount);
        var seen = new HashSet<BitSet>(ReferenceEqualityComparer.Instance);
        foreach (var row in rows[c])
        {
            if (seen.Add(row)) union.Or(row);
        }
        return cache[c] = union;
    }
}
