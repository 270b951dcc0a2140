using System.Collections.Immutable;
using Portolan.Core.Selectors;

namespace Portolan.Core.Model;

/// <summary>
/// Every policy kind normalised into one shape. For NetworkPolicy, AffectsIngress/AffectsEgress are
/// the defaulted policyTypes (semantics §3.2); for admin tiers a direction counts when it has rules.
/// Order is the position within the tier: priority for admin kinds (a BANP sorts before every Baseline CNP).
/// </summary>
public sealed record Policy(
    PolicyKind Kind,
    string? Namespace,
    string Name,
    Tier Tier,
    int Priority,
    PodSelection Subject,
    bool AffectsIngress,
    bool AffectsEgress,
    ImmutableArray<Rule> Ingress,
    ImmutableArray<Rule> Egress,
    SourceLocation Origin)
{
    /// <summary>metadata.annotations (e.g. portolan.dev/lint-disable); empty when there are none.</summary>
    public Labels Annotations { get; init; } = Labels.Empty;

    public bool Affects(Direction direction) => direction == Direction.Ingress ? AffectsIngress : AffectsEgress;

    public ImmutableArray<Rule> Rules(Direction direction) => direction == Direction.Ingress ? Ingress : Egress;

    /// <summary>How users name it: ns/name for NetworkPolicy, "Kind name" for cluster-scoped kinds.</summary>
    public string DisplayName => Kind == PolicyKind.NetworkPolicy ? $"{Namespace}/{Name}" : $"{Kind} {Name}";

    public override string ToString() => DisplayName;
}
