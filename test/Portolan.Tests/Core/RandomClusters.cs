using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;
using CsCheck;
using Portolan.Core.Model;
using Portolan.Core.Selectors;
using Portolan.Core.Sets;

namespace Portolan.Tests.Core;

/// <summary>A generated cluster; ToString is the readable form CsCheck prints for a (shrunk) counterexample.</summary>
public sealed record ClusterCase(Cluster Cluster)
{
    public override string ToString() => RandomClusters.Describe(Cluster);
}

/// <summary>
/// Small random clusters built straight from model records: 2–3 namespaces (sometimes a pod in an
/// undefined one), 2–6 bare pods, each its own workload, NetworkPolicies, Admin-tier ANP/CNP, a BANP and
/// Baseline CNPs, and nodes for admin <c>nodes</c> peers. Vocabularies are tiny so selectors, named
/// ports and CIDRs collide often.
/// </summary>
public static class RandomClusters
{
    private static readonly string[] PodKeys = ["app", "tier"];
    private static readonly string[] PodValues = ["a", "b", "c"];
    private static readonly string[] NamespaceKeys = ["env", "team"];
    private static readonly string[] NamespaceValues = ["a", "b"];
    private static readonly string[] PortNames = ["http", "dns", "metrics"];
    private static readonly int[] PortNumbers = [53, 80, 81, 443, 8080];
    private static readonly string[] Cidrs =
        ["0.0.0.0/0", "10.0.0.0/8", "10.0.0.0/30", "10.0.0.2/31", "10.0.0.3/32", "10.0.0.4/30", "10.0.1.0/24", "192.168.0.0/16",
         "::/0", "fd00::/8", "fd00::/126", "fd00::2/127", "2001:db8::/32"];
    private const string Ghost = "ghost";

    public static Gen<ClusterCase> Clusters { get; } =
        Gen.Select(Gen.Int[2, 3], Gen.Int[0, 2]).SelectMany((namespaceCount, nodeCount) =>
        {
            var names = Enumerable.Range(0, namespaceCount).Select(i => $"ns{i}").ToArray();
            return Gen.Select(
                    Gen.Select(Gen.Const(names), LabelMaps(NamespaceKeys, NamespaceValues).Array[namespaceCount]),
                    Pods(names),
                    Nodes(nodeCount),
                    Policies(names))
                .Select((namespaces, pods, nodes, policies) => new ClusterCase(new Cluster(
                    namespaces.Item1.Zip(namespaces.Item2, (n, l) => NamespaceInfo.Create(n, l, SourceLocation.None))
                        .ToImmutableDictionary(ns => ns.Name, StringComparer.Ordinal),
                    pods, policies, nodes)));
        });

    private static Gen<Labels> LabelMaps(string[] keys, string[] values) =>
        Gen.Select(Gen.OneOf(keys), Gen.OneOf(values)).Array[0, 2]
            .Select(pairs => Labels.From(pairs.GroupBy(p => p.Item1).Select(g => KeyValuePair.Create(g.Key, g.First().Item2))));

    private static Gen<ImmutableArray<Pod>> Pods(string[] namespaces)
    {
        var port = Gen.Select(Gen.Frequency((3, (IGen<string?>)Gen.OneOf<string?>(PortNames)), (1, Gen.Const((string?)null))),
            Gen.OneOf(PortNumbers), Gen.Enum<Protocol>()).Select((name, number, protocol) => new ContainerPort(name, number, protocol));
        // 0: no IP, 1: IPv4, 2: IPv6, 3: both; addresses come from the pod's index so they never clash.
        var pod = Gen.Select(Gen.Frequency((8, (IGen<string>)Gen.OneOf(namespaces)), (1, Gen.Const(Ghost))),
            LabelMaps(PodKeys, PodValues), port.Array[0, 3], Gen.Int[0, 3]);
        return pod.Array[2, 6].Select(specs => specs.Select((s, i) =>
        {
            var (ns, labels, ports, ipKind) = s;
            var name = $"p{i}";
            var ips = ImmutableArray.CreateBuilder<IPAddress>();
            if (ipKind is 1 or 3) ips.Add(IPAddress.Parse($"10.0.0.{i + 1}"));
            if (ipKind is 2 or 3) ips.Add(IPAddress.Parse($"fd00::{i + 1}"));
            return new Pod(ns, name, labels, [.. ports], ips.ToImmutable(), new WorkloadRef(ns, name, "Pod"), SourceLocation.None);
        }).ToImmutableArray());
    }

    private static Gen<ImmutableArray<NodeInfo>> Nodes(int count) =>
        Gen.OneOf("a", "b").Array[count].Select(zones => zones.Select((zone, i) => new NodeInfo(
            $"node{i}", Labels.From([KeyValuePair.Create("zone", zone)]),
            [IPAddress.Parse($"10.0.1.{i + 1}"), IPAddress.Parse($"172.16.0.{i + 1}")], SourceLocation.None)).ToImmutableArray());

    private static Gen<LabelSelector> Selector(string[] keys, string[] values)
    {
        var requirement = Gen.Select(Gen.OneOf(keys), Gen.Enum<SelectorOperator>(), Gen.OneOf(values).Array[1, 2])
            .Select((key, op, vals) => new Requirement(key, op, op is SelectorOperator.In or SelectorOperator.NotIn ? [.. vals.Distinct()] : []));
        return Gen.Frequency(
            (2, (IGen<LabelSelector>)Gen.Const(LabelSelector.Everything)),
            (3, requirement.Array[1, 2].Select(r => new LabelSelector([.. r]))));
    }

    private static Gen<LabelSelector> PodSelector => Selector(PodKeys, PodValues);

    // Namespace selectors also use the automatic name label (semantics §1.1, §6.12).
    private static Gen<LabelSelector> NamespaceSelector(string[] namespaces) => Gen.Frequency(
        (3, (IGen<LabelSelector>)Selector(NamespaceKeys, NamespaceValues)),
        (1, Gen.OneOf([.. namespaces, Ghost]).Select(n => LabelSelector.ForLabels([KeyValuePair.Create(NamespaceInfo.NameLabel, n)]))));

    private static Gen<Peer> IPBlock => Gen.Select(Gen.OneOf(Cidrs), Gen.OneOf(Cidrs).Array[0, 2]).Select((cidrText, exceptTexts) =>
    {
        var cidr = ParseCidr(cidrText);
        // Only strict subsets are valid excepts (semantics §3.6).
        var excepts = exceptTexts.Distinct().Select(ParseCidr)
            .Where(e => e.IsV6 == cidr.IsV6 && e.PrefixLength > cidr.PrefixLength && cidr.First <= e.First && e.Last <= cidr.Last).ToList();
        var addresses = excepts.Aggregate(AddressSet.Of(cidr), (set, e) => set.Subtract(AddressSet.Of(e)));
        var text = excepts.Count == 0 ? cidr.ToString() : $"{cidr} except {string.Join(" ", excepts)}";
        return (Peer)new IPBlockPeer(addresses, text);
    });

    private static Cidr ParseCidr(string text) => Cidr.TryParse(text, out var cidr) ? cidr : throw new ArgumentException(text);

    private static Gen<Peer> NetworkPolicyPeer(string policyNamespace, string[] namespaces) => Gen.Frequency(
        (3, (IGen<Peer>)PodSelector.Select(s => (Peer)new PodPeer(PodSelection.InNamespace(policyNamespace, s)))),
        (3, Gen.Select(NamespaceSelector(namespaces), PodSelector).Select((n, p) => (Peer)new PodPeer(new PodSelection(null, n, p)))),
        (2, IPBlock));

    private static Gen<Peer> AdminPeer(string[] namespaces, Direction direction)
    {
        var pods = Gen.Select(NamespaceSelector(namespaces), PodSelector).Select((n, p) => (Peer)new PodPeer(new PodSelection(null, n, p)));
        if (direction == Direction.Ingress) return pods;
        var nodes = Gen.OneOf("a", "b").Select(zone => (Peer)new NodePeer(LabelSelector.ForLabels([KeyValuePair.Create("zone", zone)])));
        return Gen.Frequency((3, (IGen<Peer>)pods), (2, IPBlock), (1, nodes));
    }

    private static Gen<int> PortNumber => Gen.Frequency((3, (IGen<int>)Gen.OneOf([.. PortNumbers, 1, 65535])), (1, Gen.Int[1, 65535]));

    private static Gen<PortMatch> NumericPort => Gen.Frequency(
        (3, (IGen<PortMatch>)Gen.Select(Gen.Enum<Protocol>(), PortNumber).Select((p, n) => (PortMatch)new PortRangeMatch(p, n, n))),
        (2, Gen.Select(Gen.Enum<Protocol>(), PortNumber, Gen.Frequency((3, (IGen<int>)Gen.Int[0, 100]), (1, Gen.Int[0, 65535])))
            .Select((p, from, length) => (PortMatch)new PortRangeMatch(p, from, Math.Min(65535, from + length)))),
        (1, Gen.Enum<Protocol>().Select(p => (PortMatch)new PortRangeMatch(p, 1, 65535))));

    private static Gen<string> PortName => Gen.OneOf([.. PortNames, "nope"]);

    // NetworkPolicy named ports carry a protocol (TCP by default); admin ones take the container's.
    private static Gen<PortMatch> NetworkPolicyPort => Gen.Frequency(
        (3, (IGen<PortMatch>)NumericPort),
        (1, Gen.Select(PortName, Gen.Enum<Protocol>()).Select((n, p) => (PortMatch)new NamedPortMatch(n, p))));

    private static Gen<PortMatch> AdminPort => Gen.Frequency(
        (3, (IGen<PortMatch>)NumericPort),
        (1, PortName.Select(n => (PortMatch)new NamedPortMatch(n, null))));

    private static Gen<Rule[]> NetworkPolicyRules(string policyNamespace, string[] namespaces) =>
        Gen.Select(NetworkPolicyPeer(policyNamespace, namespaces).Array[0, 2], NetworkPolicyPort.Array[0, 2])
            .Select((peers, ports) => new Rule("", RuleAction.Allow, [.. peers], [.. ports], SourceLocation.None))
            .Array[0, 2];

    private static Gen<Rule[]> AdminRules(string[] namespaces, Direction direction, RuleAction[] actions) =>
        Gen.Select(Gen.OneOf(actions), AdminPeer(namespaces, direction).Array[1, 2], AdminPort.Array[0, 2])
            .Select((action, peers, ports) => new Rule("", action, [.. peers], [.. ports], SourceLocation.None))
            .Array[0, 2];

    private static Gen<Policy> NetworkPolicy(string[] namespaces) =>
        Gen.OneOf(namespaces).SelectMany(ns => Gen.Select(
                PodSelector, Gen.Int[1, 3], NetworkPolicyRules(ns, namespaces), NetworkPolicyRules(ns, namespaces))
            .Select((subject, types, ingress, egress) => new Policy(PolicyKind.NetworkPolicy, ns, "", Tier.NetworkPolicy, 0,
                PodSelection.InNamespace(ns, subject), (types & 1) != 0, (types & 2) != 0, [.. ingress], [.. egress], SourceLocation.None)));

    private static Gen<PodSelection> AdminSubject(string[] namespaces) => Gen.Frequency(
        (1, (IGen<PodSelection>)NamespaceSelector(namespaces).Select(n => new PodSelection(null, n, LabelSelector.Everything))),
        (2, Gen.Select(NamespaceSelector(namespaces), PodSelector).Select((n, p) => new PodSelection(null, n, p))));

    private static readonly RuleAction[] AllActions = [RuleAction.Allow, RuleAction.Deny, RuleAction.Pass];

    private static Gen<Policy> AdminTierPolicy(string[] namespaces, PolicyKind kind, Tier tier) =>
        Gen.Select(AdminSubject(namespaces),
                AdminRules(namespaces, Direction.Ingress, kind == PolicyKind.BaselineAdminNetworkPolicy ? [RuleAction.Allow, RuleAction.Deny] : AllActions),
                AdminRules(namespaces, Direction.Egress, kind == PolicyKind.BaselineAdminNetworkPolicy ? [RuleAction.Allow, RuleAction.Deny] : AllActions))
            .Select((subject, ingress, egress) => new Policy(kind, null, "", tier, 0, subject,
                ingress.Length > 0, egress.Length > 0, [.. ingress], [.. egress], SourceLocation.None));

    private static Gen<ImmutableArray<Policy>> Policies(string[] namespaces) => Gen.Select(
            NetworkPolicy(namespaces).Array[0, 3],
            Gen.OneOf(PolicyKind.AdminNetworkPolicy, PolicyKind.ClusterNetworkPolicy)
                .SelectMany(kind => AdminTierPolicy(namespaces, kind, Tier.Admin)).Array[0, 2],
            AdminTierPolicy(namespaces, PolicyKind.BaselineAdminNetworkPolicy, Tier.Baseline).Array[0, 1],
            AdminTierPolicy(namespaces, PolicyKind.ClusterNetworkPolicy, Tier.Baseline).Array[0, 1],
            Gen.Shuffle(Enumerable.Range(0, 10).ToArray()))
        .Select((nps, admins, banp, baselines, priorities) =>
        {
            // Names and priorities are assigned here: unique names, distinct priorities within a tier.
            var named = nps.Select((p, i) => p with { Name = $"np{i}" })
                .Concat(admins.Select((p, i) => p with { Name = $"admin{i}", Priority = priorities[i] }))
                .Concat(banp.Select(p => p with { Name = "default", Priority = -1 }))
                .Concat(baselines.Select((p, i) => p with { Name = $"baseline{i}", Priority = priorities[i + 2] }));
            return named.ToImmutableArray();
        });

    public static string Describe(Cluster cluster)
    {
        var text = new StringBuilder();
        text.AppendLine();
        foreach (var ns in cluster.Namespaces.Values.OrderBy(n => n.Name, StringComparer.Ordinal))
            text.AppendLine(CultureInfo.InvariantCulture, $"namespace {ns.Name} {{{ns.Labels}}}");
        foreach (var node in cluster.Nodes)
            text.AppendLine(CultureInfo.InvariantCulture, $"node {node.Name} {{{node.Labels}}} [{string.Join(" ", node.Addresses)}]");
        foreach (var pod in cluster.Pods)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"pod {pod} {{{pod.Labels}}} ports [{string.Join(" ", pod.Ports.Select(p => $"{p.Name ?? "-"}:{p.Number}/{p.Protocol}"))}] ips [{string.Join(" ", pod.IPs)}]");
        }
        foreach (var policy in cluster.Policies)
        {
            var types = string.Join(",", new[] { policy.AffectsIngress ? "Ingress" : null, policy.AffectsEgress ? "Egress" : null }.OfType<string>());
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{policy.Tier} {policy.DisplayName} priority {policy.Priority} [{types}] subject {policy.Subject}");
            foreach (var (direction, rules) in new[] { ("ingress", policy.Ingress), ("egress", policy.Egress) })
            {
                foreach (var rule in rules)
                {
                    var peers = rule.Peers.IsEmpty ? "any" : string.Join(" | ", rule.Peers.Select(DescribePeer));
                    var ports = rule.Ports.IsEmpty ? "all" : string.Join(", ", rule.Ports);
                    text.AppendLine(CultureInfo.InvariantCulture, $"    {direction} {rule.Action} peers [{peers}] ports [{ports}]");
                }
            }
        }
        return text.ToString();
    }

    private static string DescribePeer(Peer peer) => peer switch
    {
        PodPeer p => p.Selection.ToString(),
        IPBlockPeer b => $"ipBlock {b.Text}",
        NodePeer n => $"nodes {n.Selector}",
        _ => peer.ToString(),
    };
}
