using System.Text.Json;
using Portolan.Core.Analysis;

namespace Portolan.Output.Html;

/// <summary>
/// The explanations a page embeds: each side's path written once and referred to by number, each
/// endpoint pair explained once however many cells share it, and no more pairs than the budget.
/// </summary>
internal sealed class ExplanationTable(int budget)
{
    private readonly Dictionary<string, int> _pathIds = new(StringComparer.Ordinal);
    private readonly List<SideExplanation> _paths = [];
    private readonly SortedDictionary<string, List<(string Ports, bool Allowed, int Egress, int Ingress)>>[] _pairs = [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];

    public int Budget => budget;

    public int Count => _pairs[0].Count + _pairs[1].Count;

    public bool Truncated { get; private set; }

    /// <summary>Explains the pair on one side (0: now, 1: was) unless it is already there or the budget is spent.</summary>
    public void Add(int side, PairExplainer explainer, int source, int destination)
    {
        var key = PairKey(source, destination);
        if (_pairs[side].ContainsKey(key)) return;
        if (Count >= budget)
        {
            Truncated = true;
            return;
        }
        _pairs[side][key] = [.. explainer.Explain(source, destination)
            .Select(g => (g.Ports.ToString(), g.Allowed, Intern(g.Egress), Intern(g.Ingress)))];
    }

    public static string PairKey(int source, int destination) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{source}:{destination}");

    private int Intern(SideExplanation? side)
    {
        if (side is null) return -1;
        var key = PairExplainer.Key(side);
        if (_pathIds.TryGetValue(key, out var id)) return id;
        _pathIds[key] = _paths.Count;
        _paths.Add(side);
        return _paths.Count - 1;
    }

    /// <summary>"paths": [{allowed, steps: [text]}], "explanations": {now: {"s:d": [[ports, allowed, egress, ingress]]}, was: {...}}.</summary>
    public void Write(Utf8JsonWriter json)
    {
        json.WriteStartArray("paths");
        foreach (var side in _paths)
        {
            json.WriteStartObject();
            json.WriteBoolean("allowed", side.Allowed);
            json.WriteStartArray("steps");
            foreach (var step in side.Path) json.WriteStringValue(EvalTextRenderer.Describe(step));
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("explanations");
        foreach (var (name, pairs) in new[] { ("now", _pairs[0]), ("was", _pairs[1]) })
        {
            json.WriteStartObject(name);
            foreach (var (key, groups) in pairs)
            {
                json.WriteStartArray(key);
                foreach (var (ports, allowed, egress, ingress) in groups)
                {
                    json.WriteStartArray();
                    json.WriteStringValue(ports);
                    json.WriteBooleanValue(allowed);
                    json.WriteNumberValue(egress);
                    json.WriteNumberValue(ingress);
                    json.WriteEndArray();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteStartObject("explained");
        json.WriteNumber("pairs", Count);
        json.WriteNumber("limit", budget);
        json.WriteBoolean("complete", !Truncated);
        json.WriteEndObject();
    }
}
