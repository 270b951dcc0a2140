using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Analysis.Lint;
using Portolan.Server.State;

namespace Portolan.Server.Checks;

/// <summary>
/// Lint (docs/lint.md) on the proposed state, reported for the policy under review only: the author
/// learns what is wrong with the object they are applying, not with the rest of the cluster. Lint
/// never denies. It re-analyses the whole proposed cluster, so it costs more than the exposure itself.
/// </summary>
public sealed class LintCheck(IPBlockScope scope, IReadOnlyCollection<string> disabled) : IPolicyCheck
{
    public IEnumerable<CheckFinding> Check(Proposal proposal)
    {
        var policy = proposal.Change switch
        {
            PolicyAdded a => a.Policy,
            PolicyChanged c => c.New,
            _ => null,
        };
        if (policy is null) return [];
        var name = LintContext.ObjectName(policy);
        return Linter.Run(proposal.Proposed, scope, disabled).Findings
            .Where(f => f.Object == name)
            .Select(f => new CheckFinding(FindingSeverity.Warn, $"lint {f.Rule.Id}", $"{f.Object}: {f.Message}"));
    }
}
