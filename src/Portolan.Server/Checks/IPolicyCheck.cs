using Portolan.Core.Analysis.Compressed;
using Portolan.Server.State;

namespace Portolan.Server.Checks;

/// <summary>
/// A check run on the state an admission request proposes. Guardrails answer with
/// <see cref="FindingSeverity.Deny"/> findings (the request is refused), lint with
/// <see cref="FindingSeverity.Warn"/> findings (the request is allowed and the user warned).
/// Both methods are called under the state lock, one at a time.
/// </summary>
public interface IPolicyCheck
{
    /// <summary>The stored state changed (loaded, or a watch event): remember what it already breaks, so only new findings count.</summary>
    void StateChanged(CompressedEngine current)
    {
    }

    /// <summary>Findings on the proposed state; <see cref="Proposal.Engine"/> is valid only during this call.</summary>
    IEnumerable<CheckFinding> Check(Proposal proposal);
}
