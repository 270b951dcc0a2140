using System.Text.Json;
using Portolan.Core.Analysis;

namespace Portolan.Output.Html;

/// <summary>
/// The explanations a page embeds: each side's path written once and referred to by number, each
/// endpoint pair explained once however many cells share it, and no more pairs than the budget.
/// </summary>
internal sealed class ExplanationTable(int budget)
{
    private readonly Numbering<SideExplanation> _paths = new(SameText.Instance);
    private readonly SortedDictionary<string, List<(string Ports, bool Allowed, int Egress, int Ingress)>>[] _pairs = [new(StringComparer.Ordinal), new(StringComparer.Ordinal)];

    public int Budget => budget;

    public int Count => _pairs[0].Count + _pairs[1].Count;

    public bool Truncated { get; private set; }

    /// <summary>Explains the pair on one side (0: now, 1: was) unless it is already there; false when the budget is spent.</summary>
    public bool Add(int side, PairExplainer explainer, int source, int destination)
    {
        var key = PairKey(source, destination);
        if (_pairs[side].ContainsKey(key)) return true;
        if (Count >= budget)
        {
            Truncated = true;
            return false;
        }
        _pairs[side][key] = [.. explainer.Explain(source, destination)
            .Select(g => (g.Ports.ToString(), g.Allowed, Intern(g.Egress), Intern(g.Ingress)))];
        return true;
    }

    public static string PairKey(int source, int destination) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{source}:{destination}");

    private int Intern(SideExplanation? side) => side is null ? -1 : _paths.Id(side);

    // Two paths are one when they read the same: the page shows only their text.
    private sealed class SameText : IEqualityComparer<SideExplanation>
    {
        public static SameText Instance { get; } = new();

        public bool Equals(SideExplanation? x, SideExplanation? y) =>
            x is not null && y is not null && PairExplainer.Key(x) == PairExplainer.Key(y);

        public int GetHashCode(SideExplanation side) => StringComparer.Ordinal.GetHashCode(PairExplainer.Key(side));
    }

    /// <summary>"paths": [{allowed, steps: [text]}], "explanations": {now: {"s:d": [[ports, allowed, egress, ingress]]}, was: {...}}.</summary>
    public void Write(Utf8JsonWriter json)
    {
        json.WriteStartArray("paths");
        foreach (var side in _paths.Items)
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
