using Portolan.Core.Analysis;
using Portolan.Core.Model;
using Portolan.Core.Selectors;
using Portolan.Core.Sets;

namespace Portolan.Tests.Core;

/// <summary>
/// The brute-force side of the engine properties: one (protocol, port) at a time through
/// <see cref="Explainer"/> (semantics §4.5), egress at the source and ingress at the destination
/// (§1.3), with no set arithmetic. Ports are sampled at every boundary where the answer can change.
/// </summary>
public sealed class PerPortReference
{
    private readonly Cluster _cluster;
    private readonly Explainer _explainer;

    public PerPortReference(Cluster cluster, IPBlockScope scope)
    {
        _cluster = cluster;
        _explainer = new Explainer(new PolicyIndex(cluster.Policies), new RuleMatcher(cluster, scope));
        Ports = SamplePorts(cluster);
    }

    /// <summary>
    /// Per protocol, ascending: 1, 65535, every rule range's From, To, From-1 and To+1, and every container
    /// port and the one after it. A verdict for protocol P can only change at a range's From or To+1, or at
    /// a container port of P or the one after it (named ports resolve to container ports of P), so it is
    /// constant from one sample up to the next.
    /// </summary>
    public IReadOnlyDictionary<Protocol, int[]> Ports { get; }

    // Semantics §1.1 and §6.12: a namespace always has its name label, even when it is not defined.
    public PodEndpoint Endpoint(Pod pod) => new(pod, _cluster.Namespaces.TryGetValue(pod.Namespace, out var ns)
        ? ns.Labels
        : Labels.Empty.With(NamespaceInfo.NameLabel, pod.Namespace));

    public bool Allowed(Endpoint source, Endpoint destination, Protocol protocol, int port) =>
        (source is not PodEndpoint src || _explainer.Explain(src, Direction.Egress, destination, protocol, port).Allowed)
        && (destination is not PodEndpoint dst || _explainer.Explain(dst, Direction.Ingress, source, protocol, port).Allowed);

    /// <summary>
    /// What the reference allows from source to destination, as a set: every sampled port is in it iff
    /// its verdict is "allowed", and the ports up to the next sample share that verdict (see <see cref="Ports"/>).
    /// Comparing this set with the analysis is the per-sample check, plus "nothing else in between".
    /// </summary>
    public ConnectionSet AllowedSet(Endpoint source, Endpoint destination)
    {
        var result = ConnectionSet.None;
        foreach (var protocol in Protocols.All)
        {
            var samples = Ports[protocol];
            var verdicts = samples.Select(port => Allowed(source, destination, protocol, port)).ToArray();
            for (int i = 0; i < samples.Length; i++)
            {
                var end = i + 1 < samples.Length ? samples[i + 1] - 1 : PortSet.MaxPort;
                if (verdicts[i]) result = result.Union(ConnectionSet.Of(protocol, samples[i], end));
            }
        }
        return result;
    }

    /// <summary>Fails unless <paramref name="listed"/> is exactly what the reference allows (<paramref name="expected"/>).</summary>
    public void AssertAgrees(ConnectionSet listed, ConnectionSet expected, Endpoint source, Endpoint destination, string context)
    {
        if (listed.Equals(expected)) return;
        var difference = listed.Subtract(expected).Union(expected.Subtract(listed));
        var protocol = Protocols.All.First(p => !difference[p].IsEmpty);
        var port = difference[protocol].Intervals[0].Start;
        Assert.Fail($"{context}: {source} => {destination}: the analysis lists \"{listed}\", the per-port reference allows \"{expected}\"; "
            + $"first difference at {protocol} {port}\n{Why(source, destination, protocol, port)}");
    }

    public void AssertAgrees(ConnectionSet listed, Endpoint source, Endpoint destination, string context) =>
        AssertAgrees(listed, AllowedSet(source, destination), source, destination, context);

    private string Why(Endpoint source, Endpoint destination, Protocol protocol, int port)
    {
        var lines = new List<string>();
        if (source is PodEndpoint src) lines.Add(Path(_explainer.Explain(src, Direction.Egress, destination, protocol, port)));
        if (destination is PodEndpoint dst) lines.Add(Path(_explainer.Explain(dst, Direction.Ingress, source, protocol, port)));
        return string.Join("\n", lines);
    }

    private static string Path(SideExplanation side) =>
        $"  {side.Direction} at {side.Subject}: {(side.Allowed ? "allowed" : "denied")} via "
        + string.Join(" -> ", side.Path.Select(d => $"{d.Tier?.ToString() ?? "default"} {d.Outcome}{(d.Policy is null ? "" : " " + d.Policy.DisplayName)}"));

    private static Dictionary<Protocol, int[]> SamplePorts(Cluster cluster)
    {
        var ranges = cluster.Policies.SelectMany(p => p.Ingress.Concat(p.Egress)).SelectMany(r => r.Ports).OfType<PortRangeMatch>().ToList();
        return Protocols.All.ToDictionary(protocol => protocol, protocol =>
        {
            var ports = new SortedSet<int> { PortSet.MinPort, PortSet.MaxPort };
            foreach (var range in ranges.Where(r => r.Protocol == protocol))
            {
                ports.UnionWith([range.From - 1, range.From, range.To, range.To + 1]);
            }
            foreach (var container in cluster.Pods.SelectMany(p => p.Ports).Where(c => c.Protocol == protocol))
            {
                ports.UnionWith([container.Number, container.Number + 1]);
            }
            return ports.Where(p => p is >= PortSet.MinPort and <= PortSet.MaxPort).ToArray();
        });
    }
}
