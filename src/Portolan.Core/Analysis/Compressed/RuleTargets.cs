using Portolan.Core.Model;

namespace Portolan.Core.Analysis.Compressed;

/// <summary>
/// One rule compiled against the endpoint universe: the endpoints its peers match, the atoms its
/// numeric ports cover, and its named ports (resolved per destination class at use).
/// </summary>
public sealed class RuleTargets(Rule rule, BitSet peers, bool[] numericAtoms, NamedPortMatch[] named)
{
    public Rule Rule { get; } = rule;

    public BitSet Peers { get; } = peers;

    public bool[] NumericAtoms { get; } = numericAtoms;

    public NamedPortMatch[] Named { get; } = named;

    /// <summary>Egress named-port targets per atom, built on first use.</summary>
    public Dictionary<int, BitSet?> EgressNamedCache { get; } = [];
}
