using Portolan.Nftables.Ruleset;

namespace Portolan.Nftables;

/// <summary>
/// A ruleset for <c>nft -f</c>: Text, the display names of the policies it enforces (in tier order), and its
/// size. Notes say what is not enforced (pods without an address) and why.
/// </summary>
public sealed record CompiledRuleset(string Text, IReadOnlyList<string> SourcePolicies, int RuleCount, int SetElementCount)
{
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The structured ruleset Text was written from (for JSON and tests).</summary>
    public NftTable? Table { get; init; }
}
