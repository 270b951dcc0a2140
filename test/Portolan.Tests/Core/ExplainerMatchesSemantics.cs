using System.Net;
using CsCheck;
using Portolan.Core.Analysis;
using Portolan.Core.Model;
using Portolan.Core.Selectors;
using Portolan.Core.Sets;

namespace Portolan.Tests.Core;

/// <summary>
/// The per-port reference itself against a second, naive transcription of semantics §4.5 / §5.2 that
/// shares nothing with the engine but the model records and label matching: no RuleMatcher, no
/// PolicyIndex, no ConnectionSet. Without this, a mistake shared by Explainer and SideEvaluator
/// (both use RuleMatcher) would pass the engine properties.
/// </summary>
public sealed class ExplainerMatchesSemantics
{
    /// <summary>One side's question; Other names a pod, or is null for the external Address.</summary>
    public sealed record Query(string Subject, Direction Direction, string? Other, IPAddress? Address, Protocol Protocol, int Port)
    {
        public override string ToString() => $"{Direction} at {Subject} with {(object?)Other ?? Address} {Protocol} {Port}";
    }

    private static readonly Gen<IPAddress> Addresses = Gen.OneOf(
        "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.7", "10.0.1.1", "10.0.1.2", "172.16.0.1", "192.168.3.4",
        "8.8.8.8", "fd00::1", "fd00::2", "fd00::3", "fd00::5", "2001:db8::1", "2001:db9::1").Select(IPAddress.Parse);

    private static readonly Gen<int> Ports = Gen.Frequency((3, (IGen<int>)Gen.OneOf(1, 53, 54, 80, 81, 82, 443, 8080, 8081, 65535)), (1, Gen.Int[1, 65535]));

    private static readonly Gen<(ClusterCase, Query[])> Cases = RandomClusters.Clusters.SelectMany(c =>
    {
        var names = c.Cluster.Pods.Select(p => $"{p.Namespace}/{p.Name}").ToArray();
        return Gen.Select(Gen.OneOf(names), Gen.Enum<Direction>(), Gen.Frequency((2, (IGen<string?>)Gen.OneOf<string?>(names)), (1, Gen.Const((string?)null))),
                Addresses, Gen.Enum<Protocol>(), Ports)
            .Select((s, d, o, a, p, n) => new Query(s, d, o, o is null ? a : null, p, n))
            .Array[40]
            .Select(queries => (c, queries));
    });

    [Fact]
    public void Explainer_verdicts_follow_the_written_procedure() =>
        Cases.Sample((c, queries) => Check(c.Cluster, queries), iter: 300,
            print: t => ClusterMinimizer.Report(t.Item1.Cluster, cluster => Check(cluster, t.Item2)));

    // Queries about pods the minimiser removed are skipped.
    private static void Check(Cluster cluster, Query[] queries)
    {
        var pods = cluster.Pods.ToDictionary(p => $"{p.Namespace}/{p.Name}", StringComparer.Ordinal);
        foreach (var scope in Enum.GetValues<IPBlockScope>())
        {
            var explainer = new Explainer(new PolicyIndex(cluster.Policies), new RuleMatcher(cluster, scope));
            var procedure = new Procedure(cluster, scope);
            foreach (var q in queries)
            {
                if (!pods.TryGetValue(q.Subject, out var subject)) continue;
                Pod? otherPod = null;
                if (q.Other is not null && !pods.TryGetValue(q.Other, out otherPod)) continue;
                Endpoint other = otherPod is null ? new ExternalEndpoint(AddressSet.Of(q.Address!)) : Endpoint(cluster, otherPod);
                var actual = explainer.Explain(Endpoint(cluster, subject), q.Direction, other, q.Protocol, q.Port).Allowed;
                var expected = procedure.Verdict(subject, q.Direction, otherPod, q.Address, q.Protocol, q.Port);
                Assert.True(expected == actual,
                    $"scope {scope}: {q}: Explainer says {(actual ? "allowed" : "denied")}, the written procedure {(expected ? "allowed" : "denied")}");
            }
        }
    }

    private static PodEndpoint Endpoint(Cluster cluster, Pod pod) => new(pod, NamespaceLabels(cluster, pod.Namespace));

    private static Labels NamespaceLabels(Cluster cluster, string name) =>
        cluster.Namespaces.TryGetValue(name, out var ns) ? ns.Labels : Labels.Empty.With(NamespaceInfo.NameLabel, name);

    /// <summary>Semantics §4.5 for one side, line by line; the other end is a pod or a single address.</summary>
    private sealed class Procedure(Cluster cluster, IPBlockScope scope)
    {
        public bool Verdict(Pod subject, Direction direction, Pod? otherPod, IPAddress? otherAddress, Protocol protocol, int port)
        {
            var destination = direction == Direction.Ingress ? subject : otherPod;
            bool RuleMatches(Rule rule) =>
                (rule.Peers.IsEmpty || rule.Peers.Any(peer => PeerMatches(peer, otherPod, otherAddress)))
                && (rule.Ports.IsEmpty || rule.Ports.Any(entry => PortMatches(entry, destination, protocol, port)));

            // 1) Admin tier: by ascending priority; first matching rule of a selecting policy decides; Pass leaves the tier.
            var admin = cluster.Policies.Where(p => p.Tier == Tier.Admin).OrderBy(p => p.Priority).ThenBy(p => p.Name, StringComparer.Ordinal);
            foreach (var policy in admin)
            {
                if (!Selects(policy.Subject, subject) || policy.Rules(direction).IsEmpty) continue;
                var rule = policy.Rules(direction).FirstOrDefault(RuleMatches);
                if (rule is null) continue;
                if (rule.Action == RuleAction.Allow) return true;
                if (rule.Action == RuleAction.Deny) return false;
                break;
            }

            // 2) NetworkPolicy tier (§3.10): final for a pod selected in this direction.
            var applying = cluster.Policies.Where(p => p.Kind == PolicyKind.NetworkPolicy && p.Namespace == subject.Namespace
                && p.Affects(direction) && Selects(p.Subject, subject)).ToList();
            if (applying.Count > 0) return applying.Any(p => p.Rules(direction).Any(RuleMatches));

            // 3) Baseline tier by priority; a Pass ends the tier (§5.2). 4) Default allow.
            var baseline = cluster.Policies.Where(p => p.Tier == Tier.Baseline).OrderBy(p => p.Priority).ThenBy(p => p.Name, StringComparer.Ordinal);
            foreach (var policy in baseline)
            {
                if (!Selects(policy.Subject, subject) || policy.Rules(direction).IsEmpty) continue;
                var rule = policy.Rules(direction).FirstOrDefault(RuleMatches);
                if (rule is null) continue;
                return rule.Action != RuleAction.Deny;
            }
            return true;
        }

        private bool Selects(PodSelection selection, Pod pod) =>
            (selection.Namespace is null ? selection.Namespaces.Matches(NamespaceLabels(cluster, pod.Namespace)) : selection.Namespace == pod.Namespace)
            && selection.Pods.Matches(pod.Labels);

        private bool PeerMatches(Peer peer, Pod? otherPod, IPAddress? otherAddress) => peer switch
        {
            PodPeer p => otherPod is not null && Selects(p.Selection, otherPod),
            // Semantics §3.6: with scope All an ipBlock also matches a pod through its IPs; a pod whose IP is
            // unknown is taken to be IPv4 (the single-stack default), so only a block holding all of IPv4 covers it.
            IPBlockPeer b => otherAddress is not null ? b.Addresses.Contains(otherAddress)
                : scope == IPBlockScope.All && (otherPod!.IPs.IsEmpty
                    ? b.Addresses.Contains(System.Net.IPAddress.Any) && b.Addresses.Contains(System.Net.IPAddress.Broadcast)
                        && b.Addresses.V4.Intervals.Length == 1
                    : otherPod.IPs.Any(b.Addresses.Contains)),
            NodePeer n => otherAddress is not null && cluster.Nodes.Any(node => n.Selector.Matches(node.Labels) && node.Addresses.Contains(otherAddress)),
            _ => false,
        };

        // §3.7 / §4.4: a name resolves on the destination pod, first container port of that name.
        private static bool PortMatches(PortMatch entry, Pod? destination, Protocol protocol, int port) => entry switch
        {
            PortRangeMatch r => r.Protocol == protocol && r.From <= port && port <= r.To,
            NamedPortMatch n => destination?.Ports.FirstOrDefault(c => c.Name == n.Name) is { } c
                && (n.Protocol ?? c.Protocol) == c.Protocol && c.Protocol == protocol && c.Number == port,
            _ => false,
        };
    }
}
