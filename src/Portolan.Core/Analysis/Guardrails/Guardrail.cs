using System.Collections.Immutable;
using Portolan.Core.Model;

namespace Portolan.Core.Analysis.Guardrails;

public enum GuardrailSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>One named statement of a guardrails file (docs/guardrails.md).</summary>
public abstract record Guardrail(string Name, string? Description, GuardrailSeverity Severity, SourceLocation Origin)
{
    /// <summary>The statement kind as written: deny, require, only or isolated.</summary>
    public abstract string Kind { get; }

    /// <summary>The statement in one sentence, for rule help and messages.</summary>
    public abstract string Summary { get; }
}

/// <summary>No source in From may reach a destination in To on Ports.</summary>
public sealed record DenyGuardrail(string Name, string? Description, GuardrailSeverity Severity, SourceLocation Origin,
    PeerSelection From, PeerSelection To, PortSelection Ports) : Guardrail(Name, Description, Severity, Origin)
{
    public override string Kind => "deny";

    public override string Summary => $"from {From} to {To} on {Ports} must never be reachable";
}

/// <summary>Every source in From must reach every destination in To on every port of Ports.</summary>
public sealed record RequireGuardrail(string Name, string? Description, GuardrailSeverity Severity, SourceLocation Origin,
    PeerSelection From, PeerSelection To, PortSelection Ports) : Guardrail(Name, Description, Severity, Origin)
{
    public override string Kind => "require";

    public override string Summary => $"from {From} to {To} on {Ports} must stay reachable";
}

/// <summary>One allowance of an <c>only</c> statement: these sources, on these ports.</summary>
public sealed record OnlyAllowance(PeerSelection From, PortSelection Ports)
{
    public override string ToString() => $"from {From} on {Ports}";
}

/// <summary>A destination in To may be reached only as one of the allowances permits (nothing else, from anywhere).</summary>
public sealed record OnlyGuardrail(string Name, string? Description, GuardrailSeverity Severity, SourceLocation Origin,
    PeerSelection To, ImmutableArray<OnlyAllowance> Allow) : Guardrail(Name, Description, Severity, Origin)
{
    public override string Kind => "only";

    public override string Summary => Allow.IsEmpty
        ? $"{To} must not be reachable at all"
        : $"{To} may be reached only {string.Join(", or ", Allow)}";
}

/// <summary>
/// Every pod of the namespaces selected is default-deny in each direction: no connection of that
/// direction is allowed by default (with no tier deciding); only rules that allow it open it.
/// </summary>
public sealed record IsolatedGuardrail(string Name, string? Description, GuardrailSeverity Severity, SourceLocation Origin,
    WorkloadSelector Namespaces, ImmutableArray<Direction> Directions) : Guardrail(Name, Description, Severity, Origin)
{
    public override string Kind => "isolated";

    public override string Summary =>
        $"every pod in {Namespaces.NamespaceText} "
        + $"must be default-deny for {string.Join(" and ", Directions.Select(d => d.ToString().ToLowerInvariant()))}";
}
