using CsCheck;
using Portolan.Core.Selectors;

namespace Portolan.Tests.Core;

/// <summary>
/// <see cref="LabelSelector"/> against a naive reading of semantics §2 (K8S-LABELS), over random small
/// label maps drawn from a vocabulary small enough that keys and values collide often.
/// </summary>
public sealed class LabelSelectorMatching
{
    private static readonly string[] Keys = ["app", "tier", "kubernetes.io/metadata.name"];
    private static readonly string[] Values = ["a", "b", "c", ""];

    public sealed record Expression(string Key, string Operator, string[] Values)
    {
        public override string ToString() => $"{Key} {Operator} ({string.Join(",", Values)})";
    }

    /// <summary>The selector as a manifest writes it: matchLabels plus matchExpressions.</summary>
    public sealed record Spec(Dictionary<string, string> MatchLabels, Expression[] Expressions)
    {
        // The reference: every matchLabels entry and every expression must hold.
        public bool Matches(IReadOnlyDictionary<string, string> labels) =>
            MatchLabels.All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value)
            && Expressions.All(e => e.Operator switch
            {
                "In" => labels.TryGetValue(e.Key, out var v) && e.Values.Contains(v),
                "NotIn" => !labels.TryGetValue(e.Key, out var v) || !e.Values.Contains(v),
                "Exists" => labels.ContainsKey(e.Key),
                "DoesNotExist" => !labels.ContainsKey(e.Key),
                _ => throw new InvalidOperationException(e.Operator),
            });

        public LabelSelector ToSelector() => new(
            LabelSelector.ForLabels(MatchLabels).Requirements.AddRange(Expressions.Select(e => new Requirement(
                e.Key, Enum.Parse<SelectorOperator>(e.Operator), [.. e.Values]))));

        public override string ToString() =>
            $"matchLabels {{{string.Join(",", MatchLabels.Select(kv => $"{kv.Key}={kv.Value}"))}}} matchExpressions [{string.Join("; ", Expressions.AsEnumerable())}]";
    }

    private static readonly Gen<Dictionary<string, string>> LabelMaps =
        Gen.Select(Gen.OneOf(Keys), Gen.OneOf(Values)).Array[0, 3]
            .Select(pairs => pairs.GroupBy(p => p.Item1).ToDictionary(g => g.Key, g => g.First().Item2));

    private static readonly Gen<Expression> Expressions = Gen.Select(Gen.OneOf(Keys), Gen.OneOf("In", "NotIn", "Exists", "DoesNotExist"))
        .SelectMany((key, op) => (op is "In" or "NotIn" ? Gen.OneOf(Values).Array[1, 3] : Gen.Const(Array.Empty<string>()))
            .Select(values => new Expression(key, op, values)));

    private static readonly Gen<Spec> Specs = Gen.Select(LabelMaps, Expressions.Array[0, 3]).Select((m, e) => new Spec(m, e));

    [Fact]
    public void Matches_agrees_with_the_reference() =>
        Gen.Select(Specs, LabelMaps).Sample((spec, map) =>
            Assert.Equal(spec.Matches(map), spec.ToSelector().Matches(Labels.From(map))), iter: 2000);

    [Fact]
    public void Requirement_order_does_not_matter() =>
        Gen.Select(Specs, LabelMaps, Gen.Int).Sample((spec, map, seed) =>
        {
            var selector = spec.ToSelector();
            var shuffled = new LabelSelector([.. selector.Requirements.OrderBy(r => HashCode.Combine(r.Key, r.Operator, seed))]);
            Assert.Equal(selector.Matches(Labels.From(map)), shuffled.Matches(Labels.From(map)));
        }, iter: 500);

    [Fact]
    public void Everything_matches_every_map_and_absent_keys_satisfy_NotIn_and_DoesNotExist() =>
        LabelMaps.Sample(map =>
        {
            var labels = Labels.From(map);
            Assert.True(LabelSelector.Everything.Matches(labels));
            Assert.True(new LabelSelector([new Requirement("absent", SelectorOperator.NotIn, ["a"])]).Matches(labels));
            Assert.True(new LabelSelector([new Requirement("absent", SelectorOperator.DoesNotExist, [])]).Matches(labels));
            Assert.False(new LabelSelector([new Requirement("absent", SelectorOperator.In, ["a"])]).Matches(labels));
            Assert.False(new LabelSelector([new Requirement("absent", SelectorOperator.Exists, [])]).Matches(labels));
        }, iter: 200);

    [Fact]
    public void An_empty_label_value_is_a_value()
    {
        var labels = Labels.From([new("app", "")]);
        Assert.True(new LabelSelector([new Requirement("app", SelectorOperator.In, [""])]).Matches(labels));
        Assert.True(new LabelSelector([new Requirement("app", SelectorOperator.Exists, [])]).Matches(labels));
        Assert.False(new LabelSelector([new Requirement("app", SelectorOperator.NotIn, [""])]).Matches(labels));
        Assert.False(new LabelSelector([new Requirement("app", SelectorOperator.DoesNotExist, [])]).Matches(labels));
        Assert.False(LabelSelector.ForLabels([new("app", "")]).Matches(Labels.Empty));
    }

    [Fact]
    public void Labels_equality_is_structural() =>
        Gen.Select(LabelMaps, LabelMaps).Sample((x, y) =>
        {
            var same = x.Count == y.Count && x.All(kv => y.TryGetValue(kv.Key, out var v) && v == kv.Value);
            Assert.Equal(same, Labels.From(x).Equals(Labels.From(y)));
            Assert.Equal(Labels.From(x), Labels.From(x.Reverse()));
            Assert.Equal(Labels.From(x).GetHashCode(), Labels.From(x.Reverse()).GetHashCode());
        }, iter: 300);
}
