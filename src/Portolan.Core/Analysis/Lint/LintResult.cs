using System.Collections.Immutable;

namespace Portolan.Core.Analysis.Lint;

/// <summary>The findings left after disabling, and warnings about the run itself (e.g. an annotation naming no rule).</summary>
public sealed record LintResult(ImmutableArray<LintFinding> Findings, ImmutableArray<string> Warnings);
