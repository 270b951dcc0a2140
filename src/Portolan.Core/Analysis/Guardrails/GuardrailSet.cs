using System.Collections.Immutable;

namespace Portolan.Core.Analysis.Guardrails;

/// <summary>Every statement of one or more guardrails files, in file order; names are unique.</summary>
public sealed record GuardrailSet(ImmutableArray<Guardrail> Statements)
{
    public static GuardrailSet Empty { get; } = new(ImmutableArray<Guardrail>.Empty);
}
