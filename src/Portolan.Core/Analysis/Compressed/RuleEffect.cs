namespace Portolan.Core.Analysis.Compressed;

/// <summary>What one rule does to the sides of the classes its policy selects (see <see cref="CompressedEngine.EffectOf"/>).</summary>
public enum RuleEffect
{
    /// <summary>The rule matches no endpoint on any protocol and port for any class it applies to (or applies to none).</summary>
    MatchesNothing,

    /// <summary>The rule matches traffic, but removing it changes no class's side: other rules or tiers decide all of it.</summary>
    Redundant,

    /// <summary>Removing the rule would change what some class's side allows.</summary>
    Matters,
}
