using System.Globalization;
using Portolan.Core.Analysis.Guardrails;
using Portolan.Output.Findings;

namespace Portolan.Output.Guardrails;

/// <summary>Each guardrail statement as a rule of the finding catalogue: id guardrail/NAME, its sentence, what it means and how to mend it.</summary>
public static class GuardrailRules
{
    public const string IdPrefix = "guardrail/";

    public static string Id(Guardrail statement) => IdPrefix + statement.Name;

    public static FindingRule Rule(Guardrail statement) => new(
        Id(statement),
        PascalCase(statement.Name),
        Severity(statement.Severity),
        statement.Description ?? Sentence(statement.Summary),
        $"{statement.Kind} {statement.Name}: {statement.Summary}. {Meaning(statement)}",
        FixHint(statement));

    public static FindingSeverity Severity(GuardrailSeverity severity) => severity switch
    {
        GuardrailSeverity.Error => FindingSeverity.Error,
        GuardrailSeverity.Warning => FindingSeverity.Warning,
        _ => FindingSeverity.Info,
    };

    private static string Meaning(Guardrail statement) => statement switch
    {
        DenyGuardrail => "It is violated by every pair of a source and a destination it selects that the policies let connect on one of its ports.",
        RequireGuardrail => "It is violated by every pair of a source and a destination it selects that the policies keep from connecting on one of its ports, and by a from or to that selects nothing.",
        OnlyGuardrail => "It is violated by every connection to a destination it selects that no allowance covers: from a source outside every allowance, or on a port outside the allowance's ports.",
        _ => "It is violated by every workload of those namespaces whose side in that direction lets some connection through by default, with no tier deciding, and by a selection that matches no namespace.",
    };

    private static string FixHint(Guardrail statement) => statement switch
    {
        DenyGuardrail or OnlyGuardrail => "Narrow the rule named in the finding (its peers or ports), or isolate the destination with a default-deny policy; if the connection is meant to exist, change the guardrail in review with the security team.",
        RequireGuardrail => "Add or widen a rule that allows the connection on the side named as denying it (egress at the source, ingress at the destination), or remove the Deny rule that blocks it.",
        _ => "Add a NetworkPolicy with podSelector: {} and the direction in policyTypes to the namespace (a default-deny), or a BaselineAdminNetworkPolicy Deny for it, then open what is needed explicitly.",
    };

    private static string Sentence(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..] + ".";

    private static string PascalCase(string name) =>
        string.Concat(name.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpper(part[0], CultureInfo.InvariantCulture) + part[1..]));
}
