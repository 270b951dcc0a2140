using Portolan.Server.State;

namespace Portolan.Server.Checks;

/// <summary>
/// A check run on the state an admission request proposes. Guardrails answer with
/// <see cref="FindingSeverity.Deny"/> findings (the request is refused), lint with
/// <see cref="FindingSeverity.Warn"/> findings (the request is allowed and the user warned).
/// Checks run outside the state lock and must be thread-safe.
/// </summary>
public interface IPolicyCheck
{
    IEnumerable<CheckFinding> Check(Proposal proposal);
}
