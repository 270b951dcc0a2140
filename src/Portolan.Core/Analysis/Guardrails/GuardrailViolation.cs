using Portolan.Core.Model;

namespace Portolan.Core.Analysis.Guardrails;

/// <summary>One way a guardrail fails, with where to look: the rule to change, else the workload or the statement.</summary>
public abstract record GuardrailViolation(Guardrail Statement)
{
    public abstract SourceLocation Location { get; }
}

/// <summary>deny or only: a connection that must not be reachable is, and the rules that open it on each side.</summary>
public sealed record ReachableViolation(Guardrail Statement, Counterexample Example, EvalResult Explanation) : GuardrailViolation(Statement)
{
    // The destination's ingress rule is usually the one that was widened; else the source's egress rule.
    public override SourceLocation Location =>
        Deciding.RuleOrigin(Explanation.Ingress) ?? Deciding.RuleOrigin(Explanation.Egress) ?? Statement.Origin;
}

/// <summary>require: a connection that must stay reachable is denied, and what denies it on each side.</summary>
public sealed record UnreachableViolation(Guardrail Statement, Counterexample Example, EvalResult Explanation) : GuardrailViolation(Statement)
{
    public override SourceLocation Location =>
        Deciding.DenialOrigin(Explanation.Ingress) ?? Deciding.DenialOrigin(Explanation.Egress) ?? Statement.Origin;
}

/// <summary>
/// isolated: a workload whose side in Direction lets the example through by default (no tier decides);
/// Explanation is that side's path. The location is the workload's manifest.
/// </summary>
public sealed record NotIsolatedViolation(IsolatedGuardrail Isolated, Pod Subject, Direction Direction, Counterexample Example, SideExplanation Explanation)
    : GuardrailViolation(Isolated)
{
    public ReportPeer Workload => Direction == Direction.Ingress ? Example.Destination : Example.Source;

    public override SourceLocation Location => Subject.Origin;
}

/// <summary>require: a port name that the destination does not define, so it can never be reached on it.</summary>
public sealed record UnresolvedPortViolation(Guardrail Statement, ReportPeer Destination, PortSelector Port) : GuardrailViolation(Statement)
{
    public override SourceLocation Location => Statement.Origin;
}

/// <summary>require or isolated: a selector (Field: from, to, namespaces) that picks nothing, so the statement would hold vacuously.</summary>
public sealed record EmptySelectionViolation(Guardrail Statement, string Field) : GuardrailViolation(Statement)
{
    public override SourceLocation Location => Statement.Origin;
}
