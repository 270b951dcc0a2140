using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Analysis.Guardrails;
using Portolan.Output.Guardrails;
using Portolan.Server.State;

namespace Portolan.Server.Checks;

/// <summary>
/// The security team's guardrails (docs/guardrails.md) on the proposed state. Only violations the
/// change introduces count: what the stored state already breaks must not block unrelated changes.
/// An error-severity guardrail denies; warning and info ones warn.
/// </summary>
public sealed class GuardrailCheck(GuardrailSet guardrails) : IPolicyCheck
{
    /// <summary>At most this many violations are spelled out in one denial.</summary>
    public const int MaxListed = 3;

    private HashSet<string> _existing = new(StringComparer.Ordinal);

    public void StateChanged(CompressedEngine current) =>
        _existing = new HashSet<string>(GuardrailEvaluator.Evaluate(guardrails, current).Select(Key), StringComparer.Ordinal);

    public IEnumerable<CheckFinding> Check(Proposal proposal)
    {
        var introduced = GuardrailEvaluator.Evaluate(guardrails, proposal.Engine).Where(v => !_existing.Contains(Key(v))).ToList();
        foreach (var group in introduced.GroupBy(v => v.Statement.Name, StringComparer.Ordinal))
        {
            var statement = group.First().Statement;
            var severity = statement.Severity == GuardrailSeverity.Error ? FindingSeverity.Deny : FindingSeverity.Warn;
            var listed = group.Take(MaxListed).Select(Describe).ToList();
            var more = group.Count() > MaxListed ? $"; and {group.Count() - MaxListed} more" : "";
            yield return new CheckFinding(severity, $"guardrail {statement.Name}", $"{statement.Summary}: {string.Join("; ", listed)}{more}");
        }
    }

    // The counterexample, the rule that decided each side (file:line; request.object for the policy under review).
    private static string Describe(GuardrailViolation violation)
    {
        var finding = GuardrailFindings.Finding(violation);
        var details = finding.Details.Count == 0 ? "" : $" ({string.Join("; ", finding.Details)})";
        return $"{finding.Object}: {finding.Message}{details}";
    }

    // A violation is "the same" when the statement, the ends and the offending connections are.
    private static string Key(GuardrailViolation violation) => violation switch
    {
        ReachableViolation r => $"{r.Statement.Name}|reachable|{r.Example.Source}|{r.Example.Destination}|{r.Example.Connections}",
        UnreachableViolation u => $"{u.Statement.Name}|unreachable|{u.Example.Source}|{u.Example.Destination}|{u.Example.Connections}",
        NotIsolatedViolation n => $"{n.Statement.Name}|isolated|{n.Workload}|{n.Direction}",
        UnresolvedPortViolation p => $"{p.Statement.Name}|port|{p.Destination}|{p.Port.Name}",
        EmptySelectionViolation e => $"{e.Statement.Name}|empty|{e.Field}",
        _ => $"{violation.Statement.Name}|{violation}",
    };
}
