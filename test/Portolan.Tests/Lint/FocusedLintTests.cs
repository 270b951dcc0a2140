using System.Collections.Immutable;
using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Analysis.Lint;
using Portolan.Core.Model;
using Portolan.Core.Selectors;
using Portolan.Kubernetes;
using Portolan.Tests.Engine;
using Portolan.Tests.Support;

namespace Portolan.Tests.Lint;

/// <summary>
/// The focused lint (one policy, on an engine already in the state, as the admission webhook runs it) gives
/// exactly the full lint's findings about that policy: same rules, messages, details, order and silencing, on
/// random clusters with every policy kind, lint-disable annotations and disabled rules, on a fresh engine and
/// on the engine of an incremental preview; and it leaves the engine as it found it.
/// </summary>
public sealed class FocusedLintTests
{
    private static readonly string[] Silencers = ["redundant-rule", "all", "permit-any-any", "peer-matches-nothing", "unrestricted-cidr, redundant-rule"];

    [Theory]
    [InlineData(IPBlockScope.All)]
    [InlineData(IPBlockScope.External)]
    public void Focused_run_equals_the_full_run_filtered_to_the_policy(IPBlockScope scope)
    {
        int findings = 0, redundant = 0, trimmed = 0, silenced = 0;
        for (int seed = 0; seed < 150; seed++)
        {
            var random = new RandomCluster(seed);
            var cluster = Annotated(Grown(random, random.Cluster()), random);
            var disabled = Disabled(random);
            var full = Linter.Run(cluster, scope, disabled).Findings;
            var unsilenced = Linter.Run(Unannotated(cluster), scope, disabled).Findings;
            silenced += unsilenced.Length - full.Length;
            var engine = new CompressedEngine(cluster, scope);
            var rows = Rows(engine);
            foreach (var policy in cluster.Policies)
            {
                var context = $"seed {seed}, {LintContext.ObjectName(policy)}";
                var expected = Lines(full.Where(f => f.Object == LintContext.ObjectName(policy)));
                var focused = Lines(Linter.RunFocused(engine, policy, disabled));
                Assert.True(expected.SequenceEqual(focused), $"{context}:\nexpected\n{string.Join("\n", expected)}\nfocused\n{string.Join("\n", focused)}");
                Assert.True(rows.SequenceEqual(Rows(engine)), $"{context}: the focused run left the engine changed");
                Assert.Equal(cluster.Policies.ToHashSet(ReferenceEqualityComparer.Instance), engine.Cluster.Policies.ToHashSet(ReferenceEqualityComparer.Instance));
                findings += focused.Count;
                redundant += focused.Count(f => f.StartsWith("redundant-rule", StringComparison.Ordinal));
                var order = new LintContext(engine, policy).AllEffectiveRules().ToList();
                if (RedundancyScope.Judged(new LintContext(engine, policy), order).Any(j => !j)) trimmed++;
            }
        }
        // Not vacuous: findings of every kind, redundant ones among them, silenced ones, and the redundancy pass
        // judging fewer rules than the full one.
        Assert.True(findings > 700 && redundant > 100 && silenced > 80 && trimmed > 300,
            $"findings {findings}, redundant {redundant}, silenced {silenced}, trimmed {trimmed}");
    }

    [Fact]
    public void Focused_run_on_a_preview_engine_equals_the_full_run_on_the_proposed_cluster()
    {
        int withFindings = 0, rebuilt = 0, inPlace = 0;
        for (int seed = 0; seed < 120; seed++)
        {
            var random = new RandomCluster(seed);
            var cluster = Grown(random, random.Cluster());
            var analysis = new IncrementalAnalysis(cluster, IPBlockScope.All);
            var before = Changes.Lines(analysis.Result());
            var namespaces = cluster.Namespaces.Keys.ToList();
            for (int step = 0; step < 3; step++)
            {
                Change change = random.Next(2) == 0 && !cluster.Policies.IsEmpty
                    ? new PolicyChanged(cluster.Policies[random.Next(cluster.Policies.Length)], random.Policy(namespaces))
                    : new PolicyAdded(random.Policy(namespaces));
                if (!Changes.Admissible(cluster, change)) continue;
                var policy = change is PolicyChanged c ? c.New : ((PolicyAdded)change).Policy;
                var result = analysis.Preview(change, (effect, engine) =>
                {
                    var expected = Lines(Linter.Run(effect.Cluster, IPBlockScope.All, []).Findings.Where(f => f.Object == LintContext.ObjectName(policy)));
                    var focused = Lines(Linter.RunFocused(engine, policy, []));
                    Assert.True(expected.SequenceEqual(focused), $"seed {seed} step {step}:\nexpected\n{string.Join("\n", expected)}\nfocused\n{string.Join("\n", focused)}");
                    if (focused.Count > 0) withFindings++;
                });
                if (result.Rebuilt) rebuilt++;
                else inPlace++;
                // The preview undoes the change after the focused lint restored its removals: the state is as before.
                Assert.True(before.SequenceEqual(Changes.Lines(analysis.Result())), $"seed {seed} step {step}: lint in the preview changed the state");
            }
        }
        Assert.True(withFindings > 100 && rebuilt > 10 && inPlace > 10, $"previews with findings {withFindings}, rebuilt {rebuilt}, in place {inPlace}");
    }

    [Theory]
    [MemberData(nameof(LintRuleGoldenTests.Rules), MemberType = typeof(LintRuleGoldenTests))]
    public void Focused_run_equals_the_full_run_on_each_rule_manifest(string ruleId)
    {
        var cluster = new ManifestLoader(TextReader.Null, _ => { }).Load([Path.Combine(Paths.Golden, "lint", ruleId, "positive")]);
        var full = Linter.Run(cluster, IPBlockScope.External, []).Findings;
        var engine = new CompressedEngine(cluster, IPBlockScope.External);
        foreach (var policy in cluster.Policies)
        {
            var expected = Lines(full.Where(f => f.Object == LintContext.ObjectName(policy)));
            Assert.Equal(expected, Lines(Linter.RunFocused(engine, policy, [])));
        }
    }

    // z's second rule is shadowed by its first; z's first by y; so y's rule decides ingress from s to b alone, and
    // x's rule (a, shadowed by y) is redundant. Judging x needs y, and judging y needs z: a chain, not one hop.
    private const string Chain = """
        apiVersion: v1
        kind: Pod
        metadata: {name: a, namespace: shop, labels: {app: a}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b, namespace: shop, labels: {app: b}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: s, namespace: shop, labels: {app: s}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: z, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: b}}
          ingress:
          - from: [{podSelector: {matchLabels: {app: s}}}]
          - from: [{podSelector: {matchLabels: {app: s}}}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: y, namespace: shop}
        spec:
          podSelector: {matchExpressions: [{key: app, operator: In, values: [a, b]}]}
          ingress:
          - from: [{podSelector: {matchLabels: {app: s}}}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: x, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: a}}
          ingress:
          - from: [{podSelector: {matchLabels: {app: s}}}]
        """;

    [Fact]
    public void Focused_redundancy_follows_a_chain_of_overlapping_policies()
    {
        var loader = new ManifestLoader(TextReader.Null, _ => { });
        loader.LoadText(new StringReader(Chain), "chain.yaml");
        var cluster = loader.Collected();
        var full = Linter.Run(cluster, IPBlockScope.External, []).Findings;
        Assert.Equal(["NetworkPolicy shop/x", "NetworkPolicy shop/z", "NetworkPolicy shop/z"],
            full.Where(f => f.Rule == LintCatalogue.RedundantRule).Select(f => f.Object).Order(StringComparer.Ordinal));
        var engine = new CompressedEngine(cluster, IPBlockScope.External);
        foreach (var policy in cluster.Policies)
        {
            Assert.Equal(Lines(full.Where(f => f.Object == LintContext.ObjectName(policy))), Lines(Linter.RunFocused(engine, policy, [])));
        }
    }

    // Random clusters hold up to 5 policies; more of them (and pods) make overlapping subjects and long chains.
    private static Cluster Grown(RandomCluster random, Cluster cluster)
    {
        if (random.Next(2) == 0) return cluster;
        var namespaces = cluster.Namespaces.Keys.ToList();
        var pods = Enumerable.Range(0, random.Next(6)).Select(_ => random.Pod(namespaces));
        var policies = Enumerable.Range(0, 3 + random.Next(7)).Select(_ => random.Policy(namespaces));
        return cluster with { Pods = [.. cluster.Pods, .. pods], Policies = RandomCluster.Unique([.. cluster.Policies, .. policies]) };
    }

    private static Cluster Annotated(Cluster cluster, RandomCluster random)
    {
        Labels Silence() => random.Next(4) == 0 ? Labels.Empty.With(LintDisable.Annotation, Silencers[random.Next(Silencers.Length)]) : Labels.Empty;
        return cluster with
        {
            Policies = [.. cluster.Policies.Select(p => p with { Annotations = Silence() })],
            Namespaces = cluster.Namespaces.ToImmutableDictionary(n => n.Key, n => n.Value with { Annotations = random.Next(6) == 0 ? Silence() : Labels.Empty }),
        };
    }

    private static Cluster Unannotated(Cluster cluster) => cluster with
    {
        Policies = [.. cluster.Policies.Select(p => p with { Annotations = Labels.Empty })],
        Namespaces = cluster.Namespaces.ToImmutableDictionary(n => n.Key, n => n.Value with { Annotations = Labels.Empty }),
    };

    private static HashSet<string> Disabled(RandomCluster random) =>
        random.Next(3) == 0 ? [LintCatalogue.All[random.Next(LintCatalogue.All.Length)].Id] : [];

    private static List<string> Lines(IEnumerable<LintFinding> findings) =>
        [.. findings.Select(f => $"{f.Rule.Id} {f.Severity} {f.Object} at {f.Location}: {f.Message} | {string.Join(" | ", f.Details)}")];

    // Every class's rows on every atom (rows are replaced, never mutated: a restored engine has equal ones).
    private static List<string> Rows(CompressedEngine engine) =>
        [.. Enumerable.Range(0, engine.ClassCount).SelectMany(c => Enumerable.Range(0, engine.Atoms.Count).Select(k =>
            $"{c} {k} {string.Join(",", engine.Egress[c][k].Indices())} / {string.Join(",", engine.Ingress[c][k].Indices())}"))];
}
