namespace Portolan.Server.Checks;

public enum FindingSeverity
{
    Warn,
    Deny,
}

/// <summary>One finding: which check said it (a guardrail's or lint rule's name) and the message a user reads.</summary>
public sealed record CheckFinding(FindingSeverity Severity, string Check, string Message);
