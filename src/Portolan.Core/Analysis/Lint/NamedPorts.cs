using Portolan.Core.Model;

namespace Portolan.Core.Analysis.Lint;

/// <summary>
/// Named ports that can never match (semantics §3.7, §4.4): a name no destination pod has, and a name in an
/// egress rule whose peers are only address blocks, where destinations are addresses without container ports.
/// </summary>
public static class NamedPorts
{
    public static IEnumerable<LintFinding> Find(LintContext context, Func<LintRule, bool> enabled)
    {
        foreach (var (policy, direction, position, rule) in context.EffectiveRules())
        {
            var named = rule.Ports.OfType<NamedPortMatch>().ToList();
            if (named.Count == 0) continue;
            var onlyAddresses = direction == Direction.Egress && !rule.Peers.IsEmpty && rule.Peers.All(p => p is IPBlockPeer or NodePeer);
            if (onlyAddresses)
            {
                if (enabled(LintCatalogue.NamedPortToIPBlock))
                {
                    yield return context.RuleFinding(LintCatalogue.NamedPortToIPBlock, policy, direction, position, rule,
                        $"names port{(named.Count == 1 ? "" : "s")} {string.Join(", ", named.Select(n => n.Name))} but its peers are only address blocks, which have no named ports");
                }
                continue;
            }
            if (!enabled(LintCatalogue.NamedPortUnresolved)) continue;
            // Ingress: the name resolves on the selected pod; egress: on the peer pod (semantics §3.7).
            var classes = direction == Direction.Ingress
                ? context.ClassesOf(policy.Subject).ToList()
                : rule.Peers.IsEmpty
                    ? Enumerable.Range(0, context.Engine.ClassCount).ToList()
                    : rule.Peers.SelectMany(context.ClassesOf).Distinct().ToList();
            if (classes.Count == 0) continue;
            var destinations = classes.Select(c => context.Engine.Classes[c].Representative.Pod).ToList();
            foreach (var port in named)
            {
                if (destinations.Any(pod => !RuleMatcher.Connections(port, pod).IsEmpty)) continue;
                var pods = context.PodsOf(classes).Count();
                var protocol = port.Protocol is { } p ? $" with protocol {p}" : "";
                yield return context.RuleFinding(LintCatalogue.NamedPortUnresolved, policy, direction, position, rule,
                    pods == 1 ? $"names port {port.Name}{protocol}, which its one destination pod does not have"
                        : $"names port {port.Name}{protocol}, which none of its {pods} destination pods has",
                    $"destination pods: {string.Join(", ", context.PodsOf(classes).Select(x => x.Workload.ToString()).Distinct().Order(StringComparer.Ordinal).Take(5))}{(pods > 5 ? ", ..." : "")}");
            }
        }
    }
}
