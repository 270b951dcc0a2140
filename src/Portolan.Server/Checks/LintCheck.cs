using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Analysis.Lint;
using Portolan.Server.State;

namespace Portolan.Server.Checks;

/// <summary>
/// Lint (docs/lint.md) on the proposed state, reported for the policy under review only: the author
/// learns what is wrong with the object they are applying, not with the rest of the cluster. Lint
/// never denies. It runs focused on that policy, on the proposal's engine (no re-analysis): the same
/// findings as linting the whole proposed cluster would give about the policy, in milliseconds.
/// </summary>
public sealed class LintCheck(IReadOnlyCollection<string> disabled) : IPolicyCheck
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
        // Materialised here: the engine is valid only during this call.
        return [.. Linter.RunFocused(proposal.Engine, policy, disabled)
            .Select(f => new CheckFinding(FindingSeverity.Warn, $"lint {f.Rule.Id}", $"{f.Object}: {f.Message}"))];
    }
}
