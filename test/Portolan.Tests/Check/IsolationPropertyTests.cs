using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Guardrails;
using Portolan.Core.Model;
using Portolan.Core.Sets;
using Portolan.Tests.Engine;

namespace Portolan.Tests.Check;

/// <summary>
/// isolated against the explainer, port by port, on random clusters: a pod is reported for a
/// direction exactly when some peer and some (protocol, port) reach the final default-allow step.
/// </summary>
public sealed class IsolationPropertyTests
{
    private const int Seeds = 200;

    // The port-by-port law explains every side on every port; fewer clusters keep it to a few seconds.
    private const int LawSeeds = 40;

    [Fact]
    public void The_default_allowance_is_where_the_explainer_ends_in_default_allow()
    {
        var compared = 0;
        for (int seed = 0; seed < LawSeeds; seed++)
        {
            var cluster = new RandomCluster(seed).Cluster();
            foreach (var scope in new[] { IPBlockScope.All, IPBlockScope.External })
            {
                var analyzer = new ConnectivityAnalyzer(cluster, scope);
                var defaults = new DefaultAllowance(analyzer.Index, analyzer.Evaluator.Matcher);
                foreach (var (subject, direction, other) in Sides(cluster, analyzer))
                {
                    var open = defaults.Allowed(subject, direction, other);
                    foreach (var (protocol, port) in Ports(cluster))
                    {
                        var path = analyzer.Explainer.Explain(subject, direction, other, protocol, port).Path;
                        Assert.True(open.Contains(protocol, port) == (path[^1].Outcome == Outcome.DefaultAllow),
                            $"seed {seed}, {scope}: {direction} at {subject} from/to {other}, {protocol} {port}: set says {open.Contains(protocol, port)}, path ends {path[^1].Outcome}");
                        compared++;
                    }
                }
            }
        }
        Assert.True(compared > 10_000, $"only {compared} comparisons");
    }

    [Fact]
    public void Isolated_reports_exactly_the_pods_that_some_connection_reaches_by_default()
    {
        var reported = 0;
        for (int seed = 0; seed < Seeds; seed++)
        {
            var cluster = new RandomCluster(seed).Cluster();
            var random = new RandomGuardrails(seed);
            var namespaces = cluster.Namespaces.Keys.Order(StringComparer.Ordinal).ToList();
            var statement = (IsolatedGuardrail)random.Statement("isolated", "g", namespaces);
            foreach (var scope in new[] { IPBlockScope.All, IPBlockScope.External })
            {
                var violations = GuardrailEvaluator.Evaluate(new GuardrailSet([statement]), cluster, scope);
                var analyzer = new ConnectivityAnalyzer(cluster, scope);
                var sides = Sides(cluster, analyzer).ToList();
                foreach (var pod in cluster.Pods)
                {
                    if (!statement.Namespaces.MatchesNamespace(pod.Namespace, cluster.NamespaceLabels(pod.Namespace))) continue;
                    foreach (var direction in statement.Directions)
                    {
                        var expected = sides.Any(s => ReferenceEquals(s.Subject.Pod, pod) && s.Direction == direction
                            && Ports(cluster).Any(p => analyzer.Explainer.Explain(s.Subject, direction, s.Other, p.Protocol, p.Port).Path[^1].Outcome == Outcome.DefaultAllow));
                        var found = violations.OfType<NotIsolatedViolation>().Where(v => v.Direction == direction
                            && v.Workload is WorkloadPeer w && (w.Workload == pod.Workload || w.Workload == pod.AsOwnWorkload)).ToList();
                        Assert.True(expected == (found.Count > 0), $"seed {seed}, {scope}: {direction} of {pod}: expected {expected}, found {found.Count}");
                        foreach (var v in found)
                        {
                            Assert.Equal(Outcome.DefaultAllow, v.Explanation.Path[^1].Outcome);
                            Assert.True(v.Example.Connections.Contains(v.Example.Protocol, v.Example.Port));
                        }
                        reported += found.Count;
                    }
                }
            }
        }
        Assert.True(reported > 50, $"only {reported} violations");
    }

    // Every pod's side toward every other pod and every external range (cut as the engine cuts them, IPv6 included).
    private static IEnumerable<(PodEndpoint Subject, Direction Direction, Endpoint Other)> Sides(Cluster cluster, ConnectivityAnalyzer analyzer)
    {
        var (sources, destinations) = ExternalAtoms.Build(cluster, analyzer.Evaluator.Matcher, [AddressSet.AllV4.Union(AddressSet.AllV6)]);
        foreach (var pod in cluster.Pods)
        {
            var subject = analyzer.EndpointOf(pod);
            var others = cluster.Pods.Where(p => !ReferenceEquals(p, pod)).Select(p => (Endpoint)analyzer.EndpointOf(p)).ToList();
            foreach (var other in others.Concat(sources)) yield return (subject, Direction.Ingress, other);
            foreach (var other in others.Concat(destinations)) yield return (subject, Direction.Egress, other);
        }
    }

    // Every port where a decision can change: 1, each rule range's ends and each container port, and the port after each.
    private static IEnumerable<(Protocol Protocol, int Port)> Ports(Cluster cluster)
    {
        var starts = new SortedSet<int> { PortSet.MinPort };
        foreach (var match in cluster.Policies.SelectMany(p => p.Ingress.Concat(p.Egress)).SelectMany(r => r.Ports).OfType<PortRangeMatch>())
        {
            starts.Add(match.From);
            if (match.To < PortSet.MaxPort) starts.Add(match.To + 1);
        }
        foreach (var port in cluster.Pods.SelectMany(p => p.Ports))
        {
            starts.Add(port.Number);
            if (port.Number < PortSet.MaxPort) starts.Add(port.Number + 1);
        }
        return Protocols.All.SelectMany(protocol => starts.Select(port => (protocol, port)));
    }
}
