using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Guardrails;
using Portolan.Core.Model;
using Portolan.Output.Findings;

namespace Portolan.Output.Guardrails;

/// <summary>Guardrail violations as findings: the pair (or workload) as the object, the counterexample in the message, and what decided each side in the details.</summary>
public static class GuardrailFindings
{
    public const string Command = "check";

    public static FindingReport Report(GuardrailSet guardrails, IEnumerable<GuardrailViolation> violations) =>
        new(Command, [.. guardrails.Statements.Select(GuardrailRules.Rule)], [.. violations.Select(Finding)]);

    public static Finding Finding(GuardrailViolation violation)
    {
        var statement = violation.Statement;
        var (obj, message, details) = violation switch
        {
            ReachableViolation r => (Pair(r.Example), $"reachable on {r.Example.Protocol} {r.Example.Port}; {Rule(statement)}",
                Sides(r.Example, r.Explanation, "breaking the guardrail")),
            UnreachableViolation u => (Pair(u.Example), $"not reachable on {u.Example.Protocol} {u.Example.Port}; {Rule(statement)}",
                Sides(u.Example, u.Explanation, "required but denied")),
            NotIsolatedViolation n => (n.Workload.Name,
                $"{Direction(n.Direction)} is not default-deny: {Pair(n.Example)} : {n.Example.Protocol} {n.Example.Port} is allowed with no tier deciding",
                NotIsolated(n)),
            UnresolvedPortViolation p => (p.Destination.Name,
                $"has no container port named \"{p.Port.Name}\"{(p.Port.Protocol is { } pr ? $" with protocol {pr}" : "")}, so it cannot be reached on it; {Rule(statement)}",
                (IReadOnlyList<string>)[]),
            EmptySelectionViolation e => ($"guardrail {statement.Name}",
                $"{e.Field} selects {(e.Field == "namespaces" ? "no namespace" : "no workload or external address")}, so the statement would hold for nothing",
                (IReadOnlyList<string>)[]),
            _ => throw new ArgumentException($"unknown violation {violation.GetType().Name}", nameof(violation)),
        };
        return new Finding(GuardrailRules.Id(statement), GuardrailRules.Severity(statement.Severity), message, obj, violation.Location, details);
    }

    private static string Rule(Guardrail statement) => statement switch
    {
        DenyGuardrail => "it must never be",
        RequireGuardrail => "it must stay reachable",
        OnlyGuardrail only => $"{string.Join(" ", only.To)} may be reached only {(only.Allow.IsEmpty ? "by nothing" : string.Join(", or ", only.Allow))}",
        _ => statement.Summary,
    };

    private static string Pair(Counterexample example) => $"{example.Source} => {example.Destination}";

    private static string Direction(Direction direction) => direction == Core.Model.Direction.Ingress ? "ingress" : "egress";

    private static List<string> Sides(Counterexample example, EvalResult explanation, string what) =>
    [
        $"connections {what}: {example.Connections}",
        Side("egress", example.Source, explanation.Egress),
        Side("ingress", example.Destination, explanation.Ingress),
    ];

    // The step that decided the side, as eval prints it.
    private static string Side(string direction, ReportPeer peer, SideExplanation? side) => side is null
        ? $"{direction} at {peer}: allowed (not a pod: no policy applies)"
        : $"{direction} at {peer}: {(side.Allowed ? "allowed" : "denied")}: {EvalTextRenderer.Describe(side.Path[^1])}";

    private static List<string> NotIsolated(NotIsolatedViolation violation) =>
    [
        $"connections allowed by default toward that peer: {violation.Example.Connections}",
        .. violation.Explanation.Path.Select(step => $"{Direction(violation.Direction)} at {violation.Workload}: {EvalTextRenderer.Describe(step)}"),
    ];
}
