using System.Collections.Immutable;
using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis;

/// <summary>
/// Decides every pair of peers and reports the allowed connections by workload. Pods of one
/// workload that turn out to behave differently are reported one by one, with a warning.
/// </summary>
public sealed class ConnectivityAnalyzer
{
    private readonly Cluster _cluster;
    private readonly SideEvaluator _evaluator;
    private readonly RuleMatcher _matcher;
    private readonly IReadOnlyCollection<AddressSet>? _extraCuts;

    /// <param name="extraCuts">Boundaries to cut the external address space at, beyond this cluster's own
    /// ipBlocks (see <see cref="ExternalAtoms.Build"/>); <c>diff</c> uses them for a common partition.</param>
    public ConnectivityAnalyzer(Cluster cluster, IPBlockScope scope, IReadOnlyCollection<AddressSet>? extraCuts = null)
    {
        _cluster = cluster;
        _extraCuts = extraCuts;
        _matcher = new RuleMatcher(cluster, scope);
        Index = new PolicyIndex(cluster.Policies);
        _evaluator = new SideEvaluator(Index, _matcher);
        Explainer = new Explainer(Index, _matcher);
    }

    public PolicyIndex Index { get; }

    public Explainer Explainer { get; }

    public SideEvaluator Evaluator => _evaluator;

    public PodEndpoint EndpointOf(Pod pod) => new(pod, _cluster.NamespaceLabels(pod.Namespace));

    public ImmutableArray<PodClass> Classes()
    {
        var withAddresses = _matcher.Scope == IPBlockScope.All && _cluster.Policies.Any(p =>
            p.Ingress.Concat(p.Egress).SelectMany(r => r.Peers).Any(peer => peer is IPBlockPeer));
        return [.. _cluster.Pods
            .GroupBy(p => (p.Workload, Key: PodClass.KeyOf(p, withAddresses)))
            .OrderBy(g => g.Key.Workload.ToString(), StringComparer.Ordinal).ThenBy(g => g.Key.Key, StringComparer.Ordinal)
            .Select(g => new PodClass(g.Key.Workload, EndpointOf(g.First()), [.. g]))];
    }

    /// <summary>Every pair decided by the compressed engine (classes × atoms × bitsets).</summary>
    public ConnectivityResult Analyze()
    {
        var report = new Compressed.CompressedReport(new Compressed.CompressedEngine(_cluster, _matcher.Scope, _extraCuts));
        return new ConnectivityResult(report.Peers, [.. report.Connections()], report.Warnings);
    }

    /// <summary>
    /// The reference engine: every pair of per-workload pod classes through <see cref="SideEvaluator"/>.
    /// Quadratic in classes; kept as the oracle the compressed engine is tested against.
    /// </summary>
    public ConnectivityResult AnalyzeReference()
    {
        var classes = Classes();
        var (sourceAtoms, destinationAtoms) = ExternalAtoms.Build(_cluster, _matcher, _extraCuts);
        int n = classes.Length;

        var pairs = new ConnectionSet[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                pairs[i, j] = _evaluator.Allowed(classes[i].Representative, classes[j].Representative);
            }
        }
        var toExternal = new ConnectionSet[n, destinationAtoms.Length];
        var fromExternal = new ConnectionSet[sourceAtoms.Length, n];
        for (int i = 0; i < n; i++)
        {
            for (int a = 0; a < destinationAtoms.Length; a++)
                toExternal[i, a] = _evaluator.Allowed(classes[i].Representative, Direction.Egress, destinationAtoms[a]);
            for (int a = 0; a < sourceAtoms.Length; a++)
                fromExternal[a, i] = _evaluator.Allowed(classes[i].Representative, Direction.Ingress, sourceAtoms[a]);
        }

        // A workload whose classes behave alike toward everything outside it prints as one peer.
        var warnings = ImmutableArray.CreateBuilder<string>();
        var printed = new List<(ReportPeer Peer, int Class)>();
        foreach (var workload in Enumerable.Range(0, n).GroupBy(i => classes[i].Workload))
        {
            var members = workload.ToList();
            var outside = Enumerable.Range(0, n).Where(k => !members.Contains(k)).ToList();
            bool Alike(int a, int b) =>
                outside.All(k => pairs[a, k].Equals(pairs[b, k]) && pairs[k, a].Equals(pairs[k, b]))
                && Enumerable.Range(0, destinationAtoms.Length).All(x => toExternal[a, x].Equals(toExternal[b, x]))
                && Enumerable.Range(0, sourceAtoms.Length).All(x => fromExternal[x, a].Equals(fromExternal[x, b]));
            if (members.All(m => Alike(members[0], m)))
            {
                printed.Add((new WorkloadPeer(workload.Key), members[0]));
                continue;
            }
            var pods = members.SelectMany(m => classes[m].Members.Select(p => (Pod: p, Class: m)))
                .OrderBy(x => x.Pod.Name, StringComparer.Ordinal).ToList();
            warnings.Add($"pods of {workload.Key} differ in ways that change the result; reported one by one: "
                + string.Join(", ", pods.Select(x => x.Pod.Name)));
            printed.AddRange(pods.Select(x => ((ReportPeer)new WorkloadPeer(x.Pod.AsOwnWorkload), x.Class)));
        }

        var connections = new List<Connection>();
        foreach (var (src, i) in printed)
        {
            foreach (var (dst, j) in printed)
            {
                if (ReferenceEquals(src, dst) || pairs[i, j].IsEmpty) continue;
                connections.Add(new Connection(src, dst, pairs[i, j]));
            }
            for (int a = 0; a < destinationAtoms.Length; a++)
            {
                if (!toExternal[i, a].IsEmpty) connections.Add(new Connection(src, new ExternalPeer(destinationAtoms[a].Addresses), toExternal[i, a]));
            }
            for (int a = 0; a < sourceAtoms.Length; a++)
            {
                if (!fromExternal[a, i].IsEmpty) connections.Add(new Connection(new ExternalPeer(sourceAtoms[a].Addresses), src, fromExternal[a, i]));
            }
        }
        connections.Sort((x, y) =>
        {
            var c = string.CompareOrdinal(x.Source.Name, y.Source.Name);
            return c != 0 ? c : string.CompareOrdinal(x.Destination.Name, y.Destination.Name);
        });
        var peers = printed.Select(p => p.Peer)
            .Concat(sourceAtoms.Concat(destinationAtoms).Select(a => (ReportPeer)new ExternalPeer(a.Addresses)))
            .Distinct().OrderBy(p => p.Name, StringComparer.Ordinal).ToImmutableArray();
        return new ConnectivityResult(peers, [.. connections], warnings.ToImmutable());
    }
}
