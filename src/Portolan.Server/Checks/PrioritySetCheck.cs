using Portolan.Core.Model;
using Portolan.Kubernetes;
using Portolan.Kubernetes.Parsing;
using Portolan.Server.State;

namespace Portolan.Server.Checks;

/// <summary>
/// Denies a proposed state the analysis cannot order: two admin-tier policies with one priority, or a
/// second BaselineAdminNetworkPolicy (semantics §4.1, §7.45), as the manifest loader rejects them.
/// </summary>
public sealed class PrioritySetCheck : IPolicyCheck
{
    public IEnumerable<CheckFinding> Check(Proposal proposal)
    {
        if (proposal.Change is Portolan.Core.Analysis.Compressed.PolicyRemoved) return [];
        try
        {
            AdminPolicyParser.CheckSet(proposal.Proposed.Policies.Where(p => p.Tier != Tier.NetworkPolicy));
            return [];
        }
        catch (ManifestException e)
        {
            return [new CheckFinding(FindingSeverity.Deny, "admin-priority", $"{e.ObjectName}: {e.Problem}")];
        }
    }
}
