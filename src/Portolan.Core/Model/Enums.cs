namespace Portolan.Core.Model;

public enum Direction
{
    Ingress,
    Egress,
}

/// <summary>Evaluation order per side: Admin → NetworkPolicy → Baseline → default allow (semantics §1.4).</summary>
public enum Tier
{
    Admin,
    NetworkPolicy,
    Baseline,
}

public enum RuleAction
{
    Allow,
    Deny,
    Pass,
}

public enum PolicyKind
{
    NetworkPolicy,
    AdminNetworkPolicy,
    BaselineAdminNetworkPolicy,
    ClusterNetworkPolicy,
}
