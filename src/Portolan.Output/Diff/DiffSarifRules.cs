using Portolan.Core.Analysis.Diff;

namespace Portolan.Output.Diff;

/// <summary>The stable SARIF rules of <c>diff</c>: one per kind of change; their ids never change.</summary>
public static class DiffSarifRules
{
    public sealed record Rule(string Id, string Name, string Level, string Severity, string Short, string Help);

    public static IReadOnlyList<Rule> All { get; } =
    [
        new("portolan.diff.added", "ConnectionAdded", "warning", "5.0",
            "A connection that was denied is now allowed.",
            "The change lets a source reach a destination that it could not reach before. Check that the new exposure is intended: "
            + "narrow the rule's peers (podSelector, namespaceSelector, ipBlock) and ports to what the destination must serve."),
        new("portolan.diff.changed", "ConnectionChanged", "warning", "4.0",
            "The protocols or ports allowed between two peers changed.",
            "The change alters what a source may open toward a destination. When it opens more than before (widened or altered), "
            + "check the new ports are intended; when it only closes, check nothing still needs them."),
        new("portolan.diff.removed", "ConnectionRemoved", "note", "2.0",
            "A connection that was allowed is now denied.",
            "The change stops a source from reaching a destination it could reach before. Check that no client still depends on it, "
            + "or the change may cause an outage."),
    ];

    public static int IndexOf(DiffKind kind) => kind switch
    {
        DiffKind.Added => 0,
        DiffKind.Changed => 1,
        _ => 2,
    };
}
