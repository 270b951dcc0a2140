using System.Globalization;
using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis.Lint;

/// <summary>Over-broad allowing rules: permit-any-any, allow-from-all-namespaces, unrestricted-cidr; each with its blast radius.</summary>
public static class BroadRules
{
    public static IEnumerable<LintFinding> Find(LintContext context)
    {
        foreach (var (policy, direction, position, rule) in context.EffectiveRules())
        {
            if (rule.Action != RuleAction.Allow) continue;
            if (PeerShapes.Unrestricted(policy, direction, rule, context.Scope) && PeerShapes.EveryPort(rule))
            {
                var what = direction == Direction.Ingress ? "admits every source" : "lets the pods reach every destination";
                yield return context.RuleFinding(LintCatalogue.PermitAnyAny, policy, direction, position, rule,
                    $"{what} on every protocol and port", BlastRadius(context, policy, direction, rule));
                continue;
            }
            if (direction == Direction.Ingress && (rule.Peers.IsEmpty || rule.Peers.Any(PeerShapes.IsEveryNamespace)))
            {
                var sources = rule.Peers.IsEmpty
                    ? "admits sources in every namespace and outside the cluster (no from)"
                    : rule.Peers.Any(PeerShapes.IsEveryPod)
                        ? "admits every pod of every namespace (namespaceSelector: {})"
                        : "admits pods from every namespace (namespaceSelector: {}) by their labels alone";
                yield return context.RuleFinding(LintCatalogue.AllowFromAllNamespaces, policy, direction, position, rule,
                    $"{sources} on {RuleMatcher.Connections(rule, null)}", BlastRadius(context, policy, direction, rule));
            }
            var blocks = rule.Peers.Where(PeerShapes.IsWholeFamily).Cast<IPBlockPeer>().Select(b => b.Text).ToList();
            if (blocks.Count > 0)
            {
                var verb = direction == Direction.Ingress ? "admits every address of" : "lets the pods reach every address of";
                yield return context.RuleFinding(LintCatalogue.UnrestrictedCidr, policy, direction, position, rule,
                    $"{verb} {string.Join(" and ", blocks)} (no except)", BlastRadius(context, policy, direction, rule));
            }
        }
    }

    /// <summary>
    /// Pods × (protocol, port) pairs the rule opens: for ingress the pods its policy selects and the ports the rule
    /// allows on each (a named port counts where it resolves); for egress the pods that may send and the numeric ports.
    /// A workload counts as one pod (its template).
    /// </summary>
    public static string BlastRadius(LintContext context, Policy policy, Direction direction, Rule rule)
    {
        var pods = context.PodsOf(context.ClassesOf(policy.Subject)).ToList();
        long total = 0;
        var sets = new HashSet<ConnectionSet>();
        foreach (var pod in pods)
        {
            var ports = LintContext.Ports(rule, direction == Direction.Ingress ? pod : null);
            sets.Add(ports);
            total += LintContext.Size(ports);
        }
        var portsText = sets.Count switch
        {
            0 => LintContext.Ports(rule, null).ToString(),
            1 => sets.First().ToString(),
            _ => "ports that differ per pod",
        };
        var perPod = sets.Count == 0 ? LintContext.Size(LintContext.Ports(rule, null)) : sets.Max(LintContext.Size);
        var what = direction == Direction.Ingress ? "exposed" : "open for sending";
        var names = pods.Select(p => p.Workload.ToString()).Distinct().Order(StringComparer.Ordinal).ToList();
        var list = names.Count == 0 ? "no pod yet" : string.Join(", ", names.Take(5)) + (names.Count > 5 ? $", and {names.Count - 5} more" : "");
        return string.Create(CultureInfo.InvariantCulture,
            $"blast radius: {pods.Count} pod{(pods.Count == 1 ? "" : "s")} × {(sets.Count > 1 ? "up to " : "")}{perPod} port{(perPod == 1 ? "" : "s")} ({portsText}) = {total} pod-port{(total == 1 ? "" : "s")} {what}; pods: {list}");
    }
}
