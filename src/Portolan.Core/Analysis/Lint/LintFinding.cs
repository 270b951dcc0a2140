using System.Collections.Immutable;
using Portolan.Core.Model;
using Portolan.Core.Selectors;

namespace Portolan.Core.Analysis.Lint;

/// <summary>
/// One finding of one rule about one object ("NetworkPolicy shop/web", "Namespace shop"), located at
/// the rule's line where a rule is at fault, else at the object. <see cref="Annotations"/> are those of
/// the objects whose <c>portolan.dev/lint-disable</c> annotation can silence it (the object, its namespace).
/// </summary>
public sealed record LintFinding(LintRule Rule, string Message, string Object, SourceLocation? Location, ImmutableArray<string> Details)
{
    public ImmutableArray<Labels> Annotations { get; init; } = [];

    /// <summary>The rule's severity, unless this finding is known to be milder (e.g. a peer outside the input).</summary>
    public LintSeverity Severity { get; init; } = Rule.Severity;

    /// <summary>The policy and rule at fault, when the finding is about one rule.</summary>
    public (Policy Policy, Rule Rule)? Source { get; init; }
}
