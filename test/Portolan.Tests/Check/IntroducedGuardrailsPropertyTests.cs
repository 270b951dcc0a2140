using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Analysis.Guardrails;
using Portolan.Core.Model;
using Portolan.Output.Guardrails;
using Portolan.Tests.Engine;

namespace Portolan.Tests.Check;

/// <summary>
/// What the admission webhook asks of guardrails: on random clusters, guardrails and policy changes
/// previewed through the incremental engine, the violations a change introduces found by looking only
/// at the re-evaluated classes equal those found by evaluating the whole proposed state (same keys,
/// same messages and details, same order, so the same denial is written).
/// </summary>
public sealed class IntroducedGuardrailsPropertyTests
{
    private static readonly string[] Kinds = ["deny", "require", "only", "isolated"];

    [Fact]
    public void Restricted_evaluation_introduces_exactly_what_the_full_evaluation_does()
    {
        int previews = 0, restricted = 0, introduced = 0, introducedWhenRestricted = 0, rangesWhenRestricted = 0;
        for (int seed = 0; seed < 150; seed++)
        {
            var random = new RandomCluster(seed);
            var cluster = random.Cluster();
            var guardrails = Guardrails(new RandomGuardrails(seed), cluster);
            var analysis = new IncrementalAnalysis(cluster, seed % 2 == 0 ? IPBlockScope.All : IPBlockScope.External, guardrails.AddressCuts);
            var baseline = new GuardrailBaseline(guardrails, analysis.Engine);
            for (int step = 0; step < 5; step++)
            {
                var change = Changes.Random(random, analysis.Cluster);
                if (!Changes.Admissible(analysis.Cluster, change)) continue;
                var context = $"seed {seed} step {step} {change.GetType().Name}";
                analysis.Preview(change, (effect, engine) =>
                {
                    var full = Lines(GuardrailEvaluator.Evaluate(guardrails, engine).Where(v => !baseline.Contains(v)));
                    var restrictedViolations = baseline.Introduced(engine, effect.ReevaluatedClasses);
                    var found = Lines(restrictedViolations);
                    Assert.True(full.SequenceEqual(found),
                        $"{context} (re-evaluated {effect.ReevaluatedClasses.Length} of {engine.ClassCount} classes):\nfull:\n{string.Join("\n", full)}\nrestricted:\n{string.Join("\n", found)}");
                    previews++;
                    introduced += full.Count;
                    if (effect.ReevaluatedClasses.Length < engine.ClassCount)
                    {
                        restricted++;
                        introducedWhenRestricted += full.Count;
                        rangesWhenRestricted += restrictedViolations.Count(HasRange);
                    }
                });
                // Half the changes are stored, as a watch event would: the baseline follows the state.
                if (random.Next(2) == 0)
                {
                    analysis.Apply(change);
                    baseline = new GuardrailBaseline(guardrails, analysis.Engine);
                }
            }
        }
        // Not vacuous: most changes touched only some classes, and many of those introduced violations.
        Assert.True(restricted > 200 && introducedWhenRestricted > 200 && rangesWhenRestricted > 50,
            $"{previews} previews, {restricted} re-evaluated only some classes; {introduced} violations introduced, {introducedWhenRestricted} of them by those, {rangesWhenRestricted} with an external range");
    }

    // One statement of each kind and a few more, with unique names.
    public static GuardrailSet Guardrails(RandomGuardrails random, Cluster cluster)
    {
        var namespaces = cluster.Namespaces.Keys.Order(StringComparer.Ordinal).ToList();
        var kinds = Kinds.Concat(Enumerable.Range(0, random.Next(3)).Select(_ => Kinds[random.Next(Kinds.Length)]));
        return new GuardrailSet([.. kinds.Select((kind, i) => random.Statement(kind, $"g{i}-{kind}", namespaces,
            random.Next(2) == 0 ? GuardrailSeverity.Error : GuardrailSeverity.Warning))]);
    }

    // A violation with an external range at one end: its range is merged from atoms (MergeExternal), which must come out alike.
    private static bool HasRange(GuardrailViolation violation) => violation switch
    {
        ReachableViolation r => r.Example.Source is ExternalPeer || r.Example.Destination is ExternalPeer,
        UnreachableViolation u => u.Example.Source is ExternalPeer || u.Example.Destination is ExternalPeer,
        _ => false,
    };

    // Everything the webhook writes of a violation: its identity, object, message, details and location.
    private static List<string> Lines(IEnumerable<GuardrailViolation> violations) =>
    [
        .. violations.Select(v => (Violation: v, Finding: GuardrailFindings.Finding(v)))
            .Select(x => $"{GuardrailBaseline.Key(x.Violation)} | {x.Finding.Object}: {x.Finding.Message} ({string.Join("; ", x.Finding.Details)}) at {x.Finding.Location}"),
    ];
}
