using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Output.Html;

/// <summary>
/// The eval explanation of one endpoint pair over the whole protocol×port space: the engine's atoms
/// (which no rule splits) explained one representative port each, then atoms with the same path on
/// both sides joined into one group.
/// </summary>
internal sealed class PairExplainer(CompressedEngine engine)
{
    private readonly Explainer _explainer = new(engine.Index, engine.Matcher);
    private readonly Dictionary<BitSet, int> _rowIds = new(ReferenceEqualityComparer.Instance);

    public sealed record Group(ConnectionSet Ports, bool Allowed, SideExplanation? Egress, SideExplanation? Ingress);

    public List<Group> Explain(int source, int destination)
    {
        var from = engine.Endpoints[source];
        var to = engine.Endpoints[destination];
        var egressRows = source < engine.ClassCount ? engine.Egress[source] : null;
        var ingressRows = destination < engine.ClassCount ? engine.Ingress[destination] : null;
        var groups = new List<(string Key, List<int> Atoms, SideExplanation? Egress, SideExplanation? Ingress)>();
        var byRows = new Dictionary<(int, int), int>();
        for (int k = 0; k < engine.Atoms.Count; k++)
        {
            // The engine shares a row only between atoms that every rule of the class's profile covers
            // alike (CompressedEngine.RowsFor), so the explainer takes the same path on them: explain once.
            var rows = (RowId(egressRows?[k]), RowId(ingressRows?[k]));
            if (byRows.TryGetValue(rows, out var known))
            {
                groups[known].Atoms.Add(k);
                continue;
            }
            var (protocol, port, _) = engine.Atoms[k];
            var egress = from is PodEndpoint src ? _explainer.Explain(src, Direction.Egress, to, protocol, port) : null;
            var ingress = to is PodEndpoint dst ? _explainer.Explain(dst, Direction.Ingress, from, protocol, port) : null;
            var key = Key(egress) + "\u0001" + Key(ingress);
            var at = groups.FindIndex(g => g.Key == key);
            if (at < 0)
            {
                at = groups.Count;
                groups.Add((key, [], egress, ingress));
            }
            groups[at].Atoms.Add(k);
            byRows[rows] = at;
        }
        return [.. groups.Select(g => new Group(engine.Atoms.SetOf(g.Atoms),
            (g.Egress?.Allowed ?? true) && (g.Ingress?.Allowed ?? true), g.Egress, g.Ingress))];
    }

    private int RowId(BitSet? row)
    {
        if (row is null) return -1;
        if (!_rowIds.TryGetValue(row, out var id)) _rowIds[row] = id = _rowIds.Count;
        return id;
    }

    public static string Key(SideExplanation? side) =>
        side is null ? "" : (side.Allowed ? "+" : "-") + string.Join("\n", side.Path.Select(EvalTextRenderer.Describe));
}
