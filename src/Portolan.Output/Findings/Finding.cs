using Portolan.Core.Model;

namespace Portolan.Output.Findings;

/// <summary>
/// One finding: which rule, how serious, what is wrong with which object ("NetworkPolicy shop/allow-all",
/// "Namespace shop"), where (null when no manifest line applies) and extra lines such as a blast radius.
/// </summary>
public sealed record Finding(string RuleId, FindingSeverity Severity, string Message,
    string Object,
    SourceLocation? Location,
    IReadOnlyList<string> Details);
