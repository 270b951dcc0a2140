using Portolan.Server.Admission;

namespace Portolan.Server.Hosting;

/// <summary>The answer when the webhook cannot decide (internal error, state not loaded): allow (open) or deny (closed).</summary>
public enum FailurePolicy
{
    Open,
    Closed,
}

public static class FailurePolicyDecisions
{
    public static AdmissionDecision Decide(this FailurePolicy policy, Exception error)
    {
        var why = $"portolan could not analyse this change ({error.Message})";
        return policy == FailurePolicy.Open
            ? AdmissionDecision.Allow([$"{why}; allowed because the webhook runs with --failure-policy open"])
            : AdmissionDecision.Deny($"{why}; denied because the webhook runs with --failure-policy closed");
    }
}
