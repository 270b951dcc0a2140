using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Analysis.Guardrails;
using Portolan.Core.Model;
using Portolan.Tests.Engine;

namespace Portolan.Tests.Check;

/// <summary>
/// The webhook rebuilds its state from the cluster it holds (after many previews) and keeps the
/// guardrail baseline when that cluster holds the same objects. That is sound because the violations
/// (by key) of a state do not depend on the order of its policies, nor on whether its engine was
/// built fresh or followed changes in place.
/// </summary>
public sealed class GuardrailBaselineTests
{
    [Fact]
    public void A_rebuild_of_the_same_objects_in_another_order_breaks_the_same_guardrails()
    {
        var compared = 0;
        for (int seed = 0; seed < 100; seed++)
        {
            var random = new RandomCluster(seed);
            var cluster = random.Cluster();
            var guardrails = IntroducedGuardrailsPropertyTests.Guardrails(new RandomGuardrails(seed), cluster);
            var scope = seed % 2 == 0 ? IPBlockScope.All : IPBlockScope.External;
            var analysis = new IncrementalAnalysis(cluster, scope, guardrails.AddressCuts);
            // Changes stored and previewed leave the policies in another order (and the engine updated in place).
            for (int step = 0; step < 4; step++)
            {
                var change = Changes.Random(random, analysis.Cluster);
                if (!Changes.Admissible(analysis.Cluster, change)) continue;
                if (random.Next(2) == 0) analysis.Apply(change);
                else analysis.Preview(change);
            }
            var held = analysis.Cluster;
            var reordered = held with { Policies = [.. held.Policies.Reverse()] };
            var before = Keys(guardrails, analysis.Engine);
            var rebuilt = new CompressedEngine(reordered, scope, guardrails.AddressCuts);
            Assert.True(before.SetEquals(Keys(guardrails, rebuilt)), $"seed {seed}: the reordered rebuild breaks other guardrails");
            compared += before.Count;

            var baseline = new GuardrailBaseline(guardrails, analysis.Engine);
            Assert.Same(baseline, baseline.Follow(rebuilt));
            if (!held.Policies.IsEmpty)
            {
                var fewer = new CompressedEngine(held with { Policies = held.Policies.RemoveAt(0) }, scope, guardrails.AddressCuts);
                Assert.NotSame(baseline, baseline.Follow(fewer));
            }
            var otherScope = new CompressedEngine(held, scope == IPBlockScope.All ? IPBlockScope.External : IPBlockScope.All, guardrails.AddressCuts);
            Assert.NotSame(baseline, baseline.Follow(otherScope));
        }
        Assert.True(compared > 300, $"only {compared} violations compared");
    }

    private static HashSet<string> Keys(GuardrailSet guardrails, CompressedEngine engine) =>
        [.. GuardrailEvaluator.Evaluate(guardrails, engine).Select(GuardrailBaseline.Key)];
}
