using System.Collections.Immutable;
using Portolan.Core.Model;

namespace Portolan.Core.Analysis;

public enum Outcome
{
    /// <summary>A rule allowed it (Allow/Accept, or a NetworkPolicy rule).</summary>
    Allowed,

    /// <summary>A Deny rule matched, or NetworkPolicy isolation with no allowing rule.</summary>
    Denied,

    /// <summary>A Pass rule sent it on to the next tier.</summary>
    Passed,

    /// <summary>Policies select the pod in this tier but none of their rules matched; the next tier decides.</summary>
    NoMatch,

    /// <summary>No policy of this tier selects the pod in this direction.</summary>
    NotSelected,

    /// <summary>No tier decided: allowed by default.</summary>
    DefaultAllow,

    /// <summary>A pod's traffic to itself, which no policy can block (semantics §3.8).</summary>
    SelfTraffic,
}

/// <summary>
/// One step of the path through the tiers. Tier is null for the default step. Isolating lists the
/// NetworkPolicies that select the pod in this direction.
/// </summary>
public sealed record Decision(Tier? Tier, Outcome Outcome, Policy? Policy, Rule? Rule, ImmutableArray<Policy> Isolating);

/// <summary>Why one side (egress at the source, or ingress at the destination) allowed or denied one (protocol, port).</summary>
public sealed record SideExplanation(Direction Direction, Endpoint Subject, bool Allowed, ImmutableArray<Decision> Path);
