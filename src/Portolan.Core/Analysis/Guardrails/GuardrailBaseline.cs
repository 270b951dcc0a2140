using Portolan.Core.Analysis.Compressed;

namespace Portolan.Core.Analysis.Guardrails;

/// <summary>
/// What a stored state already breaks, by key, so that only what a change introduces counts (the
/// admission webhook: an existing violation must not block unrelated changes).
/// </summary>
public sealed class GuardrailBaseline
{
    private readonly GuardrailSet _guardrails;
    private readonly HashSet<string> _existing;

    public GuardrailBaseline(GuardrailSet guardrails, CompressedEngine current)
    {
        _guardrails = guardrails;
        _existing = new HashSet<string>(GuardrailEvaluator.Evaluate(guardrails, current).Select(Key), StringComparer.Ordinal);
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
