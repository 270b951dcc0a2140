using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Compressed;
using static Portolan.Tests.Engine.Changes;

namespace Portolan.Tests.Engine;

/// <summary>
/// A preview (what the admission webhook asks) reports the same opened and closed connections as
/// applying the change, and leaves the analysed state exactly as it was, whether the change fits in
/// place, cuts new port atoms in place, or needs a rebuild.
/// </summary>
public sealed class PreviewLeavesStateTests
{
    [Fact]
    public void Preview_equals_apply_and_leaves_the_state_unchanged()
    {
        int rebuilt = 0, inPlace = 0, cut = 0;
        for (int seed = 0; seed < 120; seed++)
        {
            var random = new RandomCluster(seed);
            var cluster = random.Cluster();
            var previewed = new IncrementalAnalysis(cluster, IPBlockScope.All);
            var before = Lines(previewed.Result());
            for (int step = 0; step < 4; step++)
            {
                var namespaces = cluster.Namespaces.Keys.ToList();
                Change change = random.Next(3) switch
                {
                    0 when !cluster.Policies.IsEmpty => new PolicyRemoved(cluster.Policies[random.Next(cluster.Policies.Length)]),
                    1 when !cluster.Policies.IsEmpty => new PolicyChanged(cluster.Policies[random.Next(cluster.Policies.Length)], random.Policy(namespaces)),
                    _ => new PolicyAdded(random.Policy(namespaces)),
                };
                if (!Changes.Admissible(cluster, change)) continue;
                var atoms = previewed.Engine.Atoms.Count;
                var preview = previewed.Preview(change);
                if (!preview.Rebuilt && previewed.Engine.Atoms.Count > atoms) cut++;
                var applied = new IncrementalAnalysis(cluster, IPBlockScope.All).Apply(change);
                var context = $"seed {seed} step {step} {change.GetType().Name} (rebuilt: {preview.Rebuilt})";
                Assert.Equal(Lines(applied.Opened), Lines(preview.Opened));
                Assert.Equal(Lines(applied.Closed), Lines(preview.Closed));
                Assert.True(before.SequenceEqual(Lines(previewed.Result())), $"{context}: the preview changed the state");
                if (preview.Rebuilt) rebuilt++;
                else inPlace++;
            }
        }
        // Every path (rebuild, in place, in place on new ports) must have been exercised for the test to mean anything.
        Assert.True(rebuilt > 10 && inPlace > 10 && cut > 10, $"rebuilt {rebuilt}, in place {inPlace}, atoms cut in place {cut}");
    }
}
