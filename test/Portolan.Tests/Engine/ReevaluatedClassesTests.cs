using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Tests.Engine;

/// <summary>
/// The promise checks that look only at what a change touched rely on (the webhook's guardrails): a
/// pair of endpoints neither of which is in <see cref="ChangeResult.ReevaluatedClasses"/> allows
/// exactly what it allowed before the change, on every path (in place, atoms cut in place, rebuilt).
/// </summary>
public sealed class ReevaluatedClassesTests
{
    [Fact]
    public void Pairs_outside_the_reevaluated_classes_decide_as_before()
    {
        int compared = 0, restricted = 0, rebuilt = 0;
        for (int seed = 0; seed < 120; seed++)
        {
            var random = new RandomCluster(seed);
            var cluster = random.Cluster();
            var analysis = new IncrementalAnalysis(cluster, seed % 2 == 0 ? IPBlockScope.All : IPBlockScope.External);
            for (int step = 0; step < 4; step++)
            {
                var change = Changes.Random(random, analysis.Cluster);
                if (!Changes.Admissible(analysis.Cluster, change)) continue;
                var before = Decisions(analysis.Engine);
                var context = $"seed {seed} step {step} {change.GetType().Name}";
                var result = analysis.Preview(change, (effect, engine) =>
                {
                    Assert.True(effect.ReevaluatedClasses.All(c => c >= 0 && c < engine.ClassCount), $"{context}: a listed class is out of range");
                    Assert.True(effect.ReevaluatedClasses.SequenceEqual(effect.ReevaluatedClasses.Order()), $"{context}: not ascending");
                    if (effect.Rebuilt) Assert.Equal(engine.ClassCount, effect.ReevaluatedClasses.Length);
                    var listed = effect.ReevaluatedClasses.Select(c => Name(engine, c)).ToHashSet(StringComparer.Ordinal);
                    foreach (var ((source, destination), allowed) in Decisions(engine))
                    {
                        if (listed.Contains(source) || listed.Contains(destination)) continue;
                        Assert.True(before.TryGetValue((source, destination), out var was), $"{context}: {source} => {destination} is new, yet neither end was re-evaluated");
                        Assert.True(was.Equals(allowed), $"{context}: {source} => {destination} allowed {was} before and {allowed} after, yet neither end was re-evaluated");
                        compared++;
                    }
                });
                if (result.Rebuilt) rebuilt++;
                else if (result.ReevaluatedClasses.Length < analysis.Engine.ClassCount) restricted++;
                // Half the changes are kept, so later ones start from states built by changes.
                if (random.Next(2) == 0) analysis.Apply(change);
            }
        }
        Assert.True(compared > 1000 && restricted > 100 && rebuilt > 10, $"compared {compared} pairs, {restricted} restricted changes, {rebuilt} rebuilds");
    }

    // Every pair with a class at one end at least, by names that survive a rebuild (a class by its first pod, a range by its addresses).
    private static Dictionary<(string, string), ConnectionSet> Decisions(CompressedEngine engine)
    {
        var decisions = new Dictionary<(string, string), ConnectionSet>();
        for (int s = 0; s < engine.FirstDestinationAtom; s++)
        {
            for (int d = 0; d < engine.EndpointCount; d++)
            {
                if ((s >= engine.ClassCount && d >= engine.ClassCount) || (d >= engine.ClassCount && d < engine.FirstDestinationAtom)) continue;
                decisions[(Name(engine, s), Name(engine, d))] = engine.Connections(s, d);
            }
        }
        return decisions;
    }

    private static string Name(CompressedEngine engine, int endpoint) => engine.Endpoints[endpoint] switch
    {
        PodEndpoint p => p.Pod.ToString(),
        ExternalEndpoint e => (endpoint < engine.FirstDestinationAtom ? "from " : "to ") + e.Addresses,
        var other => other.ToString() ?? "",
    };
}
