namespace Portolan.Core.Analysis.Lint;

/// <summary>
/// One lint rule: a stable kebab-case <see cref="Id"/> (disable lists and code-scanning alerts refer to
/// it), a default severity, a one-paragraph explanation, a fix hint, and the semantics section it rests on.
/// </summary>
public sealed record LintRule(string Id, string Name, LintSeverity Severity, string Summary, string Explanation, string FixHint, string Section);
