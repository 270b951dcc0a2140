namespace Portolan.Core.Analysis.Lint;

public enum LintSeverity
{
    Info,
    Warning,
    Error,
}
