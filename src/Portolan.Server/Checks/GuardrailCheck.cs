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

    private GuardrailBaseline? _baseline;

    // Under the state lock: a rebuild of an unchanged state keeps the baseline instead of evaluating every pair again.
    public void StateChanged(CompressedEngine current) => _baseline = _baseline?.Follow(current) ?? new GuardrailBaseline(guardrails, current);

    public IEnumerable<CheckFinding> Check(Proposal proposal)
    {
        // Only the classes the change re-evaluated can break a guardrail anew: the review costs what the change touches.
        var baseline = _baseline ?? throw new InvalidOperationException("the stored state was never loaded");
        var introduced = baseline.Introduced(proposal.Engine, proposal.Effect.ReevaluatedClasses);
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
}
