using System.Collections.Immutable;
using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Model;

namespace Portolan.Core.Analysis.Lint;

/// <summary>
/// Runs every enabled rule family over a cluster and drops what an annotation silences (issue 5). Rules
/// disabled for the run are not computed at all (redundancy is the costly one). The focused run lints one
/// policy on an existing engine, for the admission webhook.
/// </summary>
public static class Linter
{
    public static LintResult Run(Cluster cluster, IPBlockScope scope, IReadOnlyCollection<string> disabled) =>
        new(Findings(new LintContext(cluster, scope), disabled), Warnings(cluster));

    /// <summary>
    /// The findings about one policy of the state an engine analyses, on that engine (no rebuild): exactly
    /// <see cref="Run"/>'s findings whose object is the policy, in the same order. Families skip what is not
    /// about it (namespaces, workloads, other policies' rules). The engine is left as it was found.
    /// </summary>
    public static ImmutableArray<LintFinding> RunFocused(CompressedEngine engine, Policy policy, IReadOnlyCollection<string> disabled) =>
        Findings(new LintContext(engine, policy), disabled);

    private static ImmutableArray<LintFinding> Findings(LintContext context, IReadOnlyCollection<string> disabled)
    {
        bool Enabled(LintRule rule) => !disabled.Contains(rule.Id);
        var findings = new List<LintFinding>();
        findings.AddRange(BroadRules.Find(context));
        findings.AddRange(Isolation.Find(context, Enabled));
        findings.AddRange(Selection.Find(context, Enabled));
        findings.AddRange(NamedPorts.Find(context, Enabled));
        findings.AddRange(IgnoredRules.Find(context));
        if (Enabled(LintCatalogue.EgressBlocksDns)) findings.AddRange(Dns.Find(context));
        findings.AddRange(Redundancy.Find(context, Enabled));
        return [.. findings.Where(f => Enabled(f.Rule) && !f.Annotations.Any(a => LintDisable.Silences(a, f.Rule.Id)))];
    }

    /// <summary>Annotations that name no rule: a typo would otherwise silence nothing, silently.</summary>
    private static ImmutableArray<string> Warnings(Cluster cluster)
    {
        var holders = cluster.Policies.Select(p => (Name: LintContext.ObjectName(p), p.Origin, p.Annotations))
            .Concat(cluster.Namespaces.Values.Select(n => (Name: $"Namespace {n.Name}", n.Origin, n.Annotations)))
            .Concat(cluster.Pods.Select(p => (Name: $"{(p.Workload.Name == p.Name ? p.Workload.Kind : "Pod")} {p.Namespace}/{p.Name}", p.Origin, p.Annotations)));
        var warnings = new List<string>();
        foreach (var (name, origin, annotations) in holders)
        {
            foreach (var id in LintDisable.Ids(annotations))
            {
                if (id != LintDisable.All && LintCatalogue.Find(id) is null)
                    warnings.Add($"{origin}: {name}: annotation {LintDisable.Annotation} names no lint rule \"{id}\" (portolan lint --list-rules)");
            }
        }
        return [.. warnings.Order(StringComparer.Ordinal)];
    }
}
