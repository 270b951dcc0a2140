using System.Collections.Immutable;
using Portolan.Core.Selectors;

namespace Portolan.Core.Analysis.Lint;

/// <summary>
/// The per-object switch: annotation <c>portolan.dev/lint-disable: "rule-a,rule-b"</c> (or "all") on a policy,
/// namespace, pod or workload silences those rules for findings about that object (a namespace's, for
/// everything in it).
/// </summary>
public static class LintDisable
{
    public const string Annotation = "portolan.dev/lint-disable";

    public const string All = "all";

    /// <summary>The rule ids an annotation value names (comma or space separated).</summary>
    public static ImmutableArray<string> Ids(Labels annotations) =>
        annotations.TryGetValue(Annotation, out var value)
            ? [.. value.Split([',', ' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : [];

    public static bool Silences(Labels annotations, string ruleId)
    {
        foreach (var id in Ids(annotations))
        {
            if (id == All || id == ruleId) return true;
        }
        return false;
    }
}
