using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Model;

namespace Portolan.Core.Analysis.Guardrails;

/// <summary>
/// What a stored state already breaks, by key, so that only what a change introduces counts (the
/// admission webhook: an existing violation must not block unrelated changes).
/// </summary>
public sealed class GuardrailBaseline
{
    private readonly GuardrailSet _guardrails;
    private readonly HashSet<string> _existing;
    private readonly Cluster _cluster;
    private readonly IPBlockScope _scope;

    public GuardrailBaseline(GuardrailSet guardrails, CompressedEngine current)
    {
        _guardrails = guardrails;
        _existing = new HashSet<string>(GuardrailEvaluator.Evaluate(guardrails, current).Select(Key), StringComparer.Ordinal);
        _cluster = current.Cluster;
        _scope = current.Matcher.Scope;
    }

    /// <summary>
    /// The baseline of a new stored state: this one when that state holds the very same objects (policies in
    /// any order: the webhook's periodic rebuild of an unchanged state), which break the same guardrails,
    /// since what is evaluated never depends on the order of the policies; else one evaluated afresh.
    /// </summary>
    public GuardrailBaseline Follow(CompressedEngine current) =>
        current.Matcher.Scope == _scope && SameObjects(_cluster, current.Cluster) ? this : new GuardrailBaseline(_guardrails, current);

    private static bool SameObjects(Cluster a, Cluster b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a.Pods != b.Pods || a.Nodes != b.Nodes || !ReferenceEquals(a.Namespaces, b.Namespaces) || a.Policies.Length != b.Policies.Length) return false;
        var policies = a.Policies.ToHashSet(ReferenceEqualityComparer.Instance);
        return b.Policies.All(policies.Contains);
    }

    public bool Contains(GuardrailViolation violation) => _existing.Contains(Key(violation));

    /// <summary>
    /// The violations of the proposed state that the stored one did not have, in evaluation order. Only
    /// pairs and classes the change re-evaluated are looked at (<see cref="ChangeResult.ReevaluatedClasses"/>):
    /// the others decide as before, so whatever they break is in the baseline already.
    /// </summary>
    public IReadOnlyList<GuardrailViolation> Introduced(CompressedEngine proposed, IEnumerable<int> reevaluatedClasses) =>
        [.. GuardrailEvaluator.Evaluate(_guardrails, proposed, reevaluatedClasses).Where(v => !Contains(v))];

    /// <summary>A violation is "the same" when the statement, the ends and the offending connections are.</summary>
    public static string Key(GuardrailViolation violation) => violation switch
    {
        ReachableViolation r => $"{r.Statement.Name}|reachable|{r.Example.Source}|{r.Example.Destination}|{r.Example.Connections}",
        UnreachableViolation u => $"{u.Statement.Name}|unreachable|{u.Example.Source}|{u.Example.Destination}|{u.Example.Connections}",
        NotIsolatedViolation n => $"{n.Statement.Name}|isolated|{n.Workload}|{n.Direction}",
        UnresolvedPortViolation p => $"{p.Statement.Name}|port|{p.Destination}|{p.Port.Name}",
        EmptySelectionViolation e => $"{e.Statement.Name}|empty|{e.Field}",
        _ => $"{violation.Statement.Name}|{violation}",
    };
}
