using System.Net;
using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Guardrails;
using Portolan.Core.Model;
using Portolan.Core.Sets;
using Portolan.Tests.Engine;

namespace Portolan.Tests.Check;

/// <summary>
/// The evaluator (classes × atoms, bitsets) against a per-pod reference on random clusters with every
/// policy kind: deny, require and only against <see cref="SideEvaluator"/> for every pair of pods and
/// sampled addresses, both ways (every expected violation is found, every violation found is expected).
/// </summary>
public sealed class GuardrailPropertyTests
{
    private const int Seeds = 100;
    private static readonly IPBlockScope[] Scopes = [IPBlockScope.All, IPBlockScope.External];

    // Addresses inside and around the random clusters' blocks (10.0.0.0/16, 10.0.1.0/24, 10.0.0.4/30, pod IPs 10.0.x.1-8).
    private static readonly IPAddress[] Probes = [.. new[] { "10.0.0.1", "10.0.0.5", "10.0.1.7", "10.0.2.1", "192.168.1.1", "8.8.8.8", "fd00::1", "2001:db8::1" }
        .Select(IPAddress.Parse)];

    public static TheoryData<string> Kinds => new() { "deny", "require", "only" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Pair_statements_report_exactly_what_the_per_pod_reference_finds(string kind)
    {
        var checkedPairs = 0;
        var violated = 0;
        for (int seed = 0; seed < Seeds; seed++)
        {
            var cluster = new RandomCluster(seed).Cluster();
            var random = new RandomGuardrails(seed);
            var namespaces = cluster.Namespaces.Keys.Order(StringComparer.Ordinal).ToList();
            var statement = random.Statement(kind, "g", namespaces);
            foreach (var scope in Scopes)
            {
                var (pairs, found) = Check($"seed {seed}, scope {scope}, {statement}", scope, cluster, statement);
                checkedPairs += pairs;
                violated += found;
            }
        }
        // The property is not vacuous: many pairs were compared, and some of them broke the statement.
        Assert.True(checkedPairs > 1000, $"only {checkedPairs} pairs compared");
        Assert.True(violated > 50, $"only {violated} violations found");
    }

    private static (int Pairs, int Violations) Check(string context, IPBlockScope scope, Cluster cluster, Guardrail statement)
    {
        var violations = GuardrailEvaluator.Evaluate(new GuardrailSet([statement]), cluster, scope);
        var reference = new ConnectivityAnalyzer(cluster, scope).Evaluator;
        var examples = violations.Select(v => v switch
        {
            ReachableViolation r => (r.Example, r.Explanation),
            UnreachableViolation u => (u.Example, u.Explanation),
            _ => ((Counterexample, EvalResult)?)null,
        }).OfType<(Counterexample Example, EvalResult Explanation)>().ToList();
        var (from, to) = statement switch
        {
            DenyGuardrail d => (d.From, d.To),
            RequireGuardrail r => (r.From, r.To),
            _ => (PeerSelection.Any, ((OnlyGuardrail)statement).To),
        };

        var pairs = 0;
        foreach (var source in Ends(cluster, scope, from))
        {
            foreach (var destination in Ends(cluster, scope, to))
            {
                if (source.Pod is null && destination.Pod is null) continue;
                if (source.Pod is not null && destination.Pod is not null && source.Pod.Workload == destination.Pod.Workload) continue;
                pairs++;
                var expected = Expected(statement, reference, source, destination);
                var found = examples.Where(e => source.Is(e.Example.Source) && destination.Is(e.Example.Destination)).ToList();
                if (expected.IsEmpty)
                {
                    Assert.True(found.Count == 0, $"{context}: {source} => {destination}: unexpected {string.Join("; ", found.Select(f => f.Example))}");
                    continue;
                }
                Assert.True(found.Count == 1, $"{context}: {source} => {destination}: expected {expected}, found {found.Count}");
                Assert.True(expected.Equals(found[0].Example.Connections), $"{context}: {source} => {destination}: expected {expected}, found {found[0].Example.Connections}");
            }
        }

        // Soundness: every violation holds for every pod it names (or the first address of its range), and its example is in its set.
        foreach (var (example, explanation) in examples)
        {
            Assert.True(example.Connections.Contains(example.Protocol, example.Port), $"{context}: {example} not in {example.Connections}");
            Assert.Equal(statement is RequireGuardrail ? false : true, explanation.Allowed);
            foreach (var source in Members(cluster, example.Source))
            {
                foreach (var destination in Members(cluster, example.Destination))
                {
                    if (ReferenceEquals(source.Pod, destination.Pod) && source.Pod is not null) continue;
                    var expected = Expected(statement, reference, source, destination);
                    Assert.True(expected.Equals(example.Connections), $"{context}: {example}: the pods {source} => {destination} give {expected}");
                }
            }
        }
        return (pairs, examples.Count);
    }

    private static ConnectionSet Expected(Guardrail statement, SideEvaluator reference, End source, End destination)
    {
        var allowed = reference.Allowed(source.Endpoint, destination.Endpoint);
        switch (statement)
        {
            case DenyGuardrail deny:
                return allowed.Intersect(deny.Ports.For(destination.Pod));
            case RequireGuardrail require:
                return require.Ports.For(destination.Pod).Subtract(allowed);
            default:
                var permitted = ((OnlyGuardrail)statement).Allow.Where(a => source.In(a.From))
                    .Aggregate(ConnectionSet.None, (set, a) => set.Union(a.Ports.For(destination.Pod)));
                return allowed.Subtract(permitted);
        }
    }

    /// <summary>One end of the reference: a pod, or one external address.</summary>
    private sealed record End(Endpoint Endpoint, Pod? Pod, IPAddress? Address)
    {
        public bool Is(ReportPeer peer) => peer switch
        {
            WorkloadPeer w => Pod is not null && (w.Workload == Pod.Workload || w.Workload == Pod.AsOwnWorkload),
            ExternalPeer e => Address is not null && e.Addresses.Contains(Address),
            _ => false,
        };

        public bool In(PeerSelection selection) => Pod is not null
            ? selection.MatchesPod(Pod, ((PodEndpoint)Endpoint).NamespaceLabels)
            : selection.Addresses.Contains(Address!);

        public override string ToString() => Pod?.ToString() ?? Address!.ToString();
    }

    private static End PodEnd(Cluster cluster, Pod pod) => new(new PodEndpoint(pod, cluster.NamespaceLabels(pod.Namespace)), pod, null);

    private static End AddressEnd(IPAddress address) => new(ExternalAtoms.ForAddress(address), null, address);

    private static IEnumerable<End> Ends(Cluster cluster, IPBlockScope scope, PeerSelection selection)
    {
        foreach (var pod in cluster.Pods)
        {
            var end = PodEnd(cluster, pod);
            if (end.In(selection)) yield return end;
        }
        var podIPs = cluster.Pods.SelectMany(p => p.IPs).ToHashSet();
        var samples = selection.Entries.OfType<AddressSelector>().SelectMany(a => Corners(a.Addresses)).Concat(Probes).Distinct();
        foreach (var address in samples)
        {
            // With scope all a pod's IP is that pod, not an external address.
            if (scope == IPBlockScope.All && podIPs.Contains(address)) continue;
            if (selection.Addresses.Contains(address)) yield return AddressEnd(address);
        }
    }

    private static IEnumerable<IPAddress> Corners(AddressSet addresses) =>
        addresses.V4.Intervals.SelectMany(i => new[] { i.Start, i.End, i.Start + (i.End - i.Start) / 2 }).Select(v => Cidr.FromInteger(v, false))
            .Concat(addresses.V6.Intervals.SelectMany(i => new[] { i.Start, i.End }).Select(v => Cidr.FromInteger(v, true)));

    private static IEnumerable<End> Members(Cluster cluster, ReportPeer peer) => peer switch
    {
        WorkloadPeer w => cluster.Pods.Where(p => p.Workload == w.Workload || p.AsOwnWorkload == w.Workload).Select(p => PodEnd(cluster, p)),
        ExternalPeer e => [AddressEnd(Corners(e.Addresses).First())],
        _ => [],
    };
}
