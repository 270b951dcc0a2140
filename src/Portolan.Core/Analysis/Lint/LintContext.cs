using System.Collections.Immutable;
using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Model;
using Portolan.Core.Selectors;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis.Lint;

/// <summary>
/// The analysed cluster every lint rule family reads: the compressed engine (classes of alike pods,
/// selections as bitsets, rows per side), naming of objects and rules, and who can silence a finding.
/// A focused context lints the findings about one policy only (the admission webhook's object under review).
/// </summary>
public sealed class LintContext
{
    private readonly Dictionary<Rule, RuleEffect> _effects = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Policy>? _focus;

    /// <summary>Analyses the cluster with an engine of its own.</summary>
    public LintContext(Cluster cluster, IPBlockScope scope)
    {
        Cluster = cluster;
        Engine = new CompressedEngine(cluster, scope);
        OwnsEngine = true;
        Evaluator = new SideEvaluator(Engine.Index, Engine.Matcher);
        Policies = cluster.Policies;
    }

    /// <summary>
    /// Lints, on an engine already analysing the cluster (no rebuild), only the findings about
    /// <paramref name="focus"/>: those whose object is its name (with a duplicate name, every policy of it).
    /// The engine is changed while rules are judged redundant and restored before the run ends.
    /// </summary>
    public LintContext(CompressedEngine engine, Policy focus)
    {
        Cluster = engine.Cluster;
        Engine = engine;
        Evaluator = new SideEvaluator(Engine.Index, Engine.Matcher);
        var name = ObjectName(focus);
        Policies = [.. Cluster.Policies.Where(p => ObjectName(p) == name)];
        _focus = new HashSet<Policy>(Policies, ReferenceEqualityComparer.Instance);
    }

    public Cluster Cluster { get; }

    /// <summary>The policies findings are wanted about: every policy, or the focused one.</summary>
    public ImmutableArray<Policy> Policies { get; }

    /// <summary>Only findings about <see cref="Policies"/> are wanted, not those about namespaces, workloads or other policies.</summary>
    public bool Focused => _focus is not null;

    /// <summary>The engine was built for this context (else it is borrowed and must be left as found).</summary>
    public bool OwnsEngine { get; }

    public bool InFocus(Policy policy) => _focus is null || _focus.Contains(policy);

    public CompressedEngine Engine { get; }

    public SideEvaluator Evaluator { get; }

    public IPBlockScope Scope => Engine.Matcher.Scope;

    /// <summary>Every rule of the policies in focus, in input order, with its direction and 1-based position.</summary>
    public IEnumerable<(Policy Policy, Direction Direction, int Position, Rule Rule)> Rules() => RulesOf(Policies);

    /// <summary>Rules of the policies in focus that take part in evaluation: their direction is one the policy affects.</summary>
    public IEnumerable<(Policy Policy, Direction Direction, int Position, Rule Rule)> EffectiveRules() =>
        Rules().Where(r => r.Policy.Affects(r.Direction));

    /// <summary>Effective rules of every policy of the cluster, in focus or not.</summary>
    public IEnumerable<(Policy Policy, Direction Direction, int Position, Rule Rule)> AllEffectiveRules() =>
        RulesOf(Cluster.Policies).Where(r => r.Policy.Affects(r.Direction));

    private static IEnumerable<(Policy Policy, Direction Direction, int Position, Rule Rule)> RulesOf(ImmutableArray<Policy> policies)
    {
        foreach (var policy in policies)
        {
            foreach (var direction in new[] { Direction.Ingress, Direction.Egress })
            {
                var rules = policy.Rules(direction);
                for (int i = 0; i < rules.Length; i++) yield return (policy, direction, i + 1, rules[i]);
            }
        }
    }

    /// <summary>Indices of the pod classes a selection matches.</summary>
    public IEnumerable<int> ClassesOf(PodSelection selection) => Engine.SelectionSet(selection).Indices().TakeWhile(c => c < Engine.ClassCount);

    /// <summary>Indices of the pod classes a peer matches (selectors, and for scope all, address blocks holding pod IPs).</summary>
    public IEnumerable<int> ClassesOf(Peer peer) => Engine.PeerSet(peer).Indices().TakeWhile(c => c < Engine.ClassCount);

    public IEnumerable<Pod> PodsOf(IEnumerable<int> classes) => classes.SelectMany(c => Engine.Classes[c].Members);

    public RuleEffect EffectOf(Policy policy, Direction direction, Rule rule)
    {
        if (!_effects.TryGetValue(rule, out var effect)) _effects[rule] = effect = Engine.EffectOf(policy, rule, direction);
        return effect;
    }

    /// <summary>"NetworkPolicy shop/web" or "AdminNetworkPolicy name", as findings name a policy.</summary>
    public static string ObjectName(Policy policy) =>
        policy.Kind == PolicyKind.NetworkPolicy ? $"NetworkPolicy {policy.Namespace}/{policy.Name}" : $"{policy.Kind} {policy.Name}";

    /// <summary>"Deployment shop/api", "Pod shop/web-0": the workload a pod is reported under.</summary>
    public static string ObjectName(WorkloadRef workload) => $"{workload.Kind} {workload.Namespace}/{workload.Name}";

    /// <summary>"ingress rule 2", or with an admin rule's name "egress rule 1 (deny-all)".</summary>
    public static string RuleName(Direction direction, int position, Rule rule)
    {
        var text = $"{(direction == Direction.Ingress ? "ingress" : "egress")} rule {position}";
        return rule.Name.Length == 0 || rule.Name.StartsWith('#') || rule.Name == position.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ? text : $"{text} ({rule.Name})";
    }

    public static string Word(Direction direction) => direction == Direction.Ingress ? "ingress" : "egress";

    /// <summary>The annotations that may silence a finding about a policy: its own and, for a NetworkPolicy, its namespace's.</summary>
    public ImmutableArray<Labels> AnnotationsOf(Policy policy) =>
        policy.Namespace is null ? [policy.Annotations] : [policy.Annotations, NamespaceAnnotations(policy.Namespace)];

    public ImmutableArray<Labels> AnnotationsOf(Pod pod) => [pod.Annotations, NamespaceAnnotations(pod.Namespace)];

    public Labels NamespaceAnnotations(string ns) => Cluster.Namespaces.TryGetValue(ns, out var info) ? info.Annotations : Labels.Empty;

    /// <summary>A finding about one rule of a policy, at the rule's line.</summary>
    public LintFinding RuleFinding(LintRule lintRule, Policy policy, Direction direction, int position, Rule rule, string message, params string[] details) =>
        new(lintRule, $"{RuleName(direction, position, rule)} {message}", ObjectName(policy), Located(rule.Origin, policy.Origin), [.. details])
        {
            Annotations = AnnotationsOf(policy),
            Source = (policy, rule),
        };

    /// <summary>The rule's own line when it has one, else the object's.</summary>
    public static SourceLocation? Located(SourceLocation preferred, SourceLocation fallback) =>
        preferred.File.Length > 0 ? preferred : fallback.File.Length > 0 ? fallback : null;

    /// <summary>The (protocol, port) pairs a rule allows toward one destination pod (or an external one, for null).</summary>
    public static ConnectionSet Ports(Rule rule, Pod? destination) => RuleMatcher.Connections(rule, destination);

    /// <summary>How many (protocol, port) pairs a set holds: 196605 for all of TCP, UDP and SCTP.</summary>
    public static long Size(ConnectionSet set) =>
        Protocols.All.Sum(p => set[p].Intervals.Sum(i => (long)i.End - i.Start + 1));
}
