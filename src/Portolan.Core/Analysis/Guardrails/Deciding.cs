using Portolan.Core.Model;

namespace Portolan.Core.Analysis.Guardrails;

/// <summary>The step of a side's path that decided it, and where that policy or rule is written.</summary>
public static class Deciding
{
    public static Decision? Step(SideExplanation? side) => side is null || side.Path.IsEmpty ? null : side.Path[^1];

    /// <summary>The allowing rule's location, when a rule (not the default) allowed the side.</summary>
    public static SourceLocation? RuleOrigin(SideExplanation? side) =>
        side is { Allowed: true } && Step(side) is { Outcome: Outcome.Allowed, Rule: { } rule } ? rule.Origin : null;

    /// <summary>The denying rule's location, or the first isolating NetworkPolicy's, when the side denied.</summary>
    public static SourceLocation? DenialOrigin(SideExplanation? side)
    {
        if (side is not { Allowed: false } || Step(side) is not { } step) return null;
        if (step.Rule is { } rule) return rule.Origin;
        return step.Isolating.IsEmpty ? null : step.Isolating[0].Origin;
    }
}
