using Portolan.Core.Analysis.Lint;

namespace Portolan.Cli.Commands;

/// <summary>portolan lint --list-rules: the catalogue as text, one block per rule.</summary>
public static class LintRuleList
{
    public static void Write(TextWriter output)
    {
        foreach (var rule in LintCatalogue.All)
        {
            output.Write($"{rule.Id} ({rule.Severity.ToString().ToLowerInvariant()}): {rule.Summary}\n");
            output.Write($"  {rule.Explanation}\n");
            output.Write($"  Fix: {rule.FixHint}\n\n");
        }
        output.Write($"Disable a rule for a run with --disable ID, or for an object with the annotation {LintDisable.Annotation}: \"ID,ID\".\n");
    }
}
