using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Compressed;
using static Portolan.Tests.Engine.Changes;

namespace Portolan.Tests.Engine;

/// <summary>
/// On random clusters with every policy kind, the compressed engine, and the incremental engine
/// after a random sequence of changes, equal the reference per-pod engine; and the connections a
/// change reports as opened and closed equal the difference of the reference results.
/// </summary>
public sealed class IncrementalEqualsReferenceTests
{
    [Theory]
    [InlineData(IPBlockScope.All)]
    [InlineData(IPBlockScope.External)]
    public void Incremental_engine_tracks_the_reference_through_random_changes(IPBlockScope scope)
    {
        int cut = 0;
        for (int seed = 0; seed < 150; seed++)
        {
            var random = new RandomCluster(seed);
            var cluster = random.Cluster();
            var incremental = new IncrementalAnalysis(cluster, scope);
            var reference = new ConnectivityAnalyzer(cluster, scope).AnalyzeReference();
            Assert.True(Lines(reference).SequenceEqual(Lines(incremental.Result())), $"seed {seed}: compressed differs from reference");
            for (int step = 0; step < 6; step++)
            {
                var current = incremental.Cluster;
                var namespaces = current.Namespaces.Keys.ToList();
                Change change = random.Next(6) switch
                {
                    0 or 1 => new PolicyAdded(random.Policy(namespaces)),
                    2 when !current.Policies.IsEmpty => new PolicyRemoved(current.Policies[random.Next(current.Policies.Length)]),
                    3 when !current.Policies.IsEmpty => new PolicyChanged(current.Policies[random.Next(current.Policies.Length)], random.Policy(namespaces)),
                    4 => new PodAdded(random.Pod(namespaces)),
                    _ when current.Pods.Length > 1 => new PodRemoved(current.Pods[random.Next(current.Pods.Length)]),
                    _ => new PolicyAdded(random.Policy(namespaces)),
                };
                if (!Changes.Admissible(current, change)) continue;
                var atoms = incremental.Engine.Atoms.Count;
                var result = incremental.Apply(change);
                if (!result.Rebuilt && incremental.Engine.Atoms.Count > atoms) cut++;
                var after = new ConnectivityAnalyzer(result.Cluster, scope).AnalyzeReference();
                var context = $"seed {seed} step {step} {change.GetType().Name} (rebuilt: {result.Rebuilt})";
                Assert.True(Lines(after).SequenceEqual(Lines(incremental.Result())), $"{context}: state differs from reference\n{Difference(Lines(after), Lines(incremental.Result()))}");
                if (reference.Warnings.IsEmpty && after.Warnings.IsEmpty)
                {
                    var (opened, closed) = ConnectivityDelta.Between(reference, after);
                    Assert.True(Lines(opened).SequenceEqual(Lines(result.Opened)), $"{context}: opened differs\n{Difference(Lines(opened), Lines(result.Opened))}");
                    Assert.True(Lines(closed).SequenceEqual(Lines(result.Closed)), $"{context}: closed differs\n{Difference(Lines(closed), Lines(result.Closed))}");
                }
                reference = after;
            }
        }
        // Changes on ports no rule used before (atoms cut in place) must have been exercised.
        Assert.True(cut > 10, $"only {cut} changes cut atoms in place");
    }

    private static string Difference(List<string> expected, List<string> actual) =>
        "only expected:\n  " + string.Join("\n  ", expected.Except(actual)) + "\nonly actual:\n  " + string.Join("\n  ", actual.Except(expected));
}
