using Portolan.Core.Analysis;
using Portolan.Core.Model;

namespace Portolan.Output;

/// <summary>eval as text: the verdict, then for each side the path through the tiers.</summary>
public static class EvalTextRenderer
{
    public static void Render(EvalResult result, TextWriter output)
    {
        var port = result.PortName is null ? $"{result.Port}" : $"{result.Port} ({result.PortName})";
        output.Write($"{(result.Allowed ? "ALLOWED" : "DENIED")}: {result.Source} => {result.Destination} : {result.Protocol} {port}\n");
        WriteSide(output, "egress", result.Source, result.Egress);
        WriteSide(output, "ingress", result.Destination, result.Ingress);
    }

    private static void WriteSide(TextWriter output, string direction, ReportPeer peer, SideExplanation? side)
    {
        if (side is null)
        {
            output.Write($"  {direction} at {peer}: allowed (not a pod: no policy applies)\n");
            return;
        }
        output.Write($"  {direction} at {peer}: {(side.Allowed ? "allowed" : "denied")}\n");
        foreach (var step in side.Path) output.Write($"    {Describe(step)}\n");
    }

    public static string TierName(Tier? tier) => tier switch
    {
        Tier.Admin => "Admin tier",
        Tier.NetworkPolicy => "NetworkPolicy tier",
        Tier.Baseline => "Baseline tier",
        _ => "Default",
    };

    public static string Describe(Decision step)
    {
        var tier = TierName(step.Tier);
        var isolating = string.Join(", ", step.Isolating.Select(p => $"{p.DisplayName} ({p.Origin})"));
        return (step.Tier, step.Outcome) switch
        {
            (Tier.NetworkPolicy, Outcome.Allowed) =>
                $"{tier}: isolated by {isolating}; allowed by {step.Policy!.DisplayName} rule {step.Rule!.Name} ({step.Rule.Origin})",
            (Tier.NetworkPolicy, Outcome.Denied) => $"{tier}: isolated by {isolating}; no rule allows it -> denied",
            (Tier.NetworkPolicy, Outcome.NotSelected) => $"{tier}: no NetworkPolicy selects the pod in this direction -> next tier",
            (_, Outcome.NoMatch) => $"{tier}: no rule matches -> next tier",
            (_, Outcome.SelfTraffic) => "a pod may always reach itself; no policy applies",
            (_, Outcome.DefaultAllow) => $"{tier}: no tier decided -> allowed",
            _ => $"{tier}: {step.Policy!.DisplayName} rule {step.Rule!.Name} ({Action(step.Rule.Action, step.Policy.Kind)}, {step.Rule.Origin})"
                + step.Outcome switch { Outcome.Allowed => " -> allowed", Outcome.Denied => " -> denied", _ => " -> next tier" },
        };
    }

    // ClusterNetworkPolicy spells Allow as Accept (semantics §5.4).
    public static string Action(RuleAction action, PolicyKind kind) =>
        action == RuleAction.Allow && kind == PolicyKind.ClusterNetworkPolicy ? "Accept" : action.ToString();
}
