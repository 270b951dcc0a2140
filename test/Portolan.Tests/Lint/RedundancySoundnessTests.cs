using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Lint;
using Portolan.Core.Model;
using Portolan.Tests.Engine;

namespace Portolan.Tests.Lint;

/// <summary>
/// redundant-rule is sound: on random clusters with every policy kind, deleting every rule it reports, all
/// together, leaves every side's decision (per pod, other endpoint, protocol and port) as it was, by the
/// reference per-pod evaluator rather than the compressed engine lint uses.
/// </summary>
public sealed class RedundancySoundnessTests
{
    [Theory]
    [InlineData(IPBlockScope.All)]
    [InlineData(IPBlockScope.External)]
    public void Removing_every_rule_reported_redundant_changes_no_decision(IPBlockScope scope)
    {
        var others = LintCatalogue.All.Where(r => r != LintCatalogue.RedundantRule).Select(r => r.Id).ToList();
        var reported = 0;
        for (int seed = 0; seed < 300; seed++)
        {
            var cluster = new RandomCluster(seed).Cluster();
            var findings = Linter.Run(cluster, scope, others).Findings;
            Assert.All(findings, f => Assert.Same(LintCatalogue.RedundantRule, f.Rule));
            var redundant = findings.Select(f => f.Source!.Value.Rule).ToHashSet(ReferenceEqualityComparer.Instance);
            reported += redundant.Count;
            if (redundant.Count == 0) continue;
            var pruned = cluster with
            {
                Policies = [.. cluster.Policies.Select(p => p with
                {
                    Ingress = p.Ingress.RemoveAll(redundant.Contains),
                    Egress = p.Egress.RemoveAll(redundant.Contains),
                })],
            };
            Assert.Equal(Decisions(cluster, cluster, scope), Decisions(pruned, cluster, scope));
        }
        // Not vacuous: random clusters do have shadowed rules.
        Assert.True(reported >= 20, $"only {reported} redundant rules in 300 clusters");
    }

    /// <summary>Every side's allowed set, toward every pod and every external range of the original cluster.</summary>
    private static List<string> Decisions(Cluster cluster, Cluster original, IPBlockScope scope)
    {
        var analyzer = new ConnectivityAnalyzer(cluster, scope);
        var (sources, destinations) = ExternalAtoms.Build(original, new RuleMatcher(original, scope), null);
        var pods = cluster.Pods.Select(analyzer.EndpointOf).ToList();
        var result = new List<string>();
        foreach (var pod in pods)
        {
            foreach (var other in pods)
            {
                result.Add($"{pod} egress {other}: {analyzer.Evaluator.Allowed(pod, Direction.Egress, other)}");
                result.Add($"{pod} ingress {other}: {analyzer.Evaluator.Allowed(pod, Direction.Ingress, other)}");
            }
            foreach (var atom in destinations) result.Add($"{pod} egress {atom}: {analyzer.Evaluator.Allowed(pod, Direction.Egress, atom)}");
            foreach (var atom in sources) result.Add($"{pod} ingress {atom}: {analyzer.Evaluator.Allowed(pod, Direction.Ingress, atom)}");
        }
        return result;
    }
}
