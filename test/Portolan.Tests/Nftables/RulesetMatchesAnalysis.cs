using System.Collections.Immutable;
using System.Net;
using CsCheck;
using Portolan.Core.Analysis;
using Portolan.Core.Model;
using Portolan.Core.Sets;
using Portolan.Nftables;
using Portolan.Tests.Core;

namespace Portolan.Tests.Nftables;

/// <summary>
/// "The compiled ruleset equals the analysis" (STYLE habit 6), without a kernel: on random clusters every
/// first packet between two addressed pods, and between pods and sample external addresses, is allowed by
/// <see cref="RulesetInterpreter"/> exactly when the analysis with --ipblock-scope all allows it. Ports
/// probed are every rule and container port boundary and its neighbours, so every constant piece is seen.
/// </summary>
public sealed class RulesetMatchesAnalysis
{
    private static readonly IPAddress[] Externals =
        [.. new[] { "10.0.0.100", "10.0.1.1", "10.0.1.2", "172.16.0.1", "192.168.3.4", "8.8.8.8", "fd00::100", "fd00::3:0", "2001:db8::5", "2a00::1" }
            .Select(IPAddress.Parse)];

    [Fact]
    public void Every_first_packet_is_decided_as_the_analysis_decides_it() =>
        RandomClusters.Clusters.Select(c => new ClusterCase(SingleStack(c.Cluster)))
            .Sample(c => Check(c.Cluster, false), iter: 200, print: c => ClusterMinimizer.Report(c.Cluster, x => Check(x, false)));

    [Fact]
    public void Rejecting_denies_exactly_what_dropping_denies() =>
        RandomClusters.Clusters.Select(c => new ClusterCase(SingleStack(c.Cluster)))
            .Sample(c => Check(c.Cluster, true), iter: 50, print: c => ClusterMinimizer.Report(c.Cluster, x => Check(x, true)));

    /// <summary>
    /// The analysis decides per pod (an ipBlock holding a pod's IPv4 address matches the pod over IPv6 too),
    /// the kernel per address; they agree when every pod has one family, so dual-stack pods keep one.
    /// </summary>
    internal static Cluster SingleStack(Cluster cluster) => cluster with
    {
        Pods = [.. cluster.Pods.Select((p, i) => p.IPs.Length < 2 ? p : p with { IPs = [p.IPs[i % 2]] })],
    };

    internal static void Check(Cluster cluster, bool reject)
    {
        var ruleset = NftablesCompiler.Compile(cluster, PodAddresses.None, new CompileOptions(RejectInsteadOfDrop: reject));
        var kernel = new RulesetInterpreter(ruleset.Table!);
        var analysis = new SideEvaluator(new PolicyIndex(cluster.Policies), new RuleMatcher(cluster, IPBlockScope.All));
        var ports = ProbePorts(cluster);
        var pods = cluster.Pods.Where(p => !p.IPs.IsEmpty).Select(p => new PodEndpoint(p, cluster.NamespaceLabels(p.Namespace))).ToList();
        foreach (var source in pods)
        {
            foreach (var destination in pods)
            {
                if (ReferenceEquals(source, destination)) continue;
                var allowed = analysis.Allowed(source, destination);
                foreach (var (from, to) in source.Pod.IPs.SelectMany(a => destination.Pod.IPs.Where(b => b.AddressFamily == a.AddressFamily).Select(b => (a, b))))
                    Compare(kernel, allowed, from, to, ports, $"{source.Pod} => {destination.Pod}");
            }
            foreach (var external in Externals)
            {
                if (source.Pod.IPs.All(a => a.AddressFamily != external.AddressFamily)) continue;
                var outside = new ExternalEndpoint(AddressSet.Of(external));
                var from = source.Pod.IPs.First(a => a.AddressFamily == external.AddressFamily);
                Compare(kernel, analysis.Allowed(source, outside), from, external, ports, $"{source.Pod} => {external}");
                Compare(kernel, analysis.Allowed(outside, source), external, from, ports, $"{external} => {source.Pod}");
            }
        }
    }

    private static void Compare(RulesetInterpreter kernel, ConnectionSet allowed, IPAddress from, IPAddress to, IReadOnlyList<int> ports, string what)
    {
        foreach (var protocol in Protocols.All)
        {
            foreach (var port in ports)
            {
                var expected = allowed.Contains(protocol, port);
                var actual = kernel.Allows(new RulesetInterpreter.Packet(from, to, protocol, port));
                Assert.True(expected == actual,
                    $"{what} ({from} => {to}) {protocol} {port}: analysis {(expected ? "allows" : "denies")}, ruleset {(actual ? "allows" : "denies")}");
            }
        }
    }

    internal static IReadOnlyList<int> ProbePorts(Cluster cluster)
    {
        var ports = new SortedSet<int> { 1, 65535 };
        void Add(int port)
        {
            foreach (var p in new[] { port - 1, port, port + 1 })
            {
                if (p is >= 1 and <= 65535) ports.Add(p);
            }
        }
        foreach (var pod in cluster.Pods) foreach (var port in pod.Ports) Add(port.Number);
        foreach (var policy in cluster.Policies)
        {
            foreach (var range in policy.Ingress.Concat(policy.Egress).SelectMany(r => r.Ports).OfType<PortRangeMatch>())
            {
                Add(range.From);
                Add(range.To);
            }
        }
        return [.. ports];
    }
}
