using System.Collections.Immutable;
using Portolan.Core.Model;
using Portolan.Core.Selectors;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis.Compressed;

/// <summary>
/// The scalable engine (issue 4). Endpoints are classes of indistinguishable pods plus external
/// address atoms; the protocol×port space is cut into atoms. For each class, direction and atom it
/// computes, with bitset operations, the set of other endpoints its side allows (semantics §4.7 per
/// atom). Classes with the same policies share those rows. A pair is allowed on an atom when the
/// source's egress row and the destination's ingress row both allow it.
/// </summary>
public sealed partial class CompressedEngine
{
    private Cluster _cluster;
    private readonly RuleMatcher _matcher;
    private PolicyIndex _index;
    private readonly Dictionary<Peer, BitSet> _peerCache = [];
    private readonly Dictionary<PodSelection, BitSet> _selectionCache = [];
    private readonly Dictionary<(string Name, Protocol? Protocol), BitSet[]> _namedCache = [];
    private readonly Dictionary<Rule, RuleTargets> _rules = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> _namespaceIds = new(StringComparer.Ordinal);
    private int[] _classNamespace = [];
    private int[] _classLabelSet = [];
    private int _labelSetCount;
    private List<int>[] _classesByNamespace = [];
    private Labels[] _namespaceLabels = [];

    /// <param name="extraCuts">More external-range boundaries (see <see cref="ExternalAtoms.Build"/>).</param>
    public CompressedEngine(Cluster cluster, IPBlockScope scope, IReadOnlyCollection<AddressSet>? extraCuts = null)
    {
        _cluster = cluster;
        _matcher = new RuleMatcher(cluster, scope);
        _index = new PolicyIndex(cluster.Policies);
        (SourceAtoms, DestinationAtoms) = ExternalAtoms.Build(cluster, _matcher, extraCuts);
        Classes = BuildClasses();
        ClassCount = Classes.Length;
        EndpointCount = ClassCount + SourceAtoms.Length + DestinationAtoms.Length;
        Endpoints = [.. Classes.Select(c => (Endpoint)c.Representative), .. SourceAtoms, .. DestinationAtoms];
        IndexClasses();
        Atoms = new ConnectionAtoms(ConnectionBoundaries());
        Egress = new BitSet[ClassCount][];
        Ingress = new BitSet[ClassCount][];
        ComputeRows(Enumerable.Range(0, ClassCount));
        RememberBlocks();
    }

    public Cluster Cluster => _cluster;

    public RuleMatcher Matcher => _matcher;

    public PolicyIndex Index => _index;

    public ImmutableArray<EndpointClass> Classes { get; }

    public ImmutableArray<ExternalEndpoint> SourceAtoms { get; }

    public ImmutableArray<ExternalEndpoint> DestinationAtoms { get; }

    /// <summary>Classes first, then source atoms, then destination atoms.</summary>
    public ImmutableArray<Endpoint> Endpoints { get; }

    public int ClassCount { get; }

    public int EndpointCount { get; }

    public int FirstSourceAtom => ClassCount;

    public int FirstDestinationAtom => ClassCount + SourceAtoms.Length;

    public ConnectionAtoms Atoms { get; private set; }

    /// <summary>Egress[class][atom]: the endpoints the class may send to on that atom (its own side only).</summary>
    public BitSet[][] Egress { get; }

    /// <summary>Ingress[class][atom]: the endpoints the class accepts from on that atom (its own side only).</summary>
    public BitSet[][] Ingress { get; }

    /// <summary>Number of distinct per-direction policy profiles evaluated (rows shared by classes).</summary>
    public int ProfileCount { get; private set; }

    /// <summary>Is (source endpoint → destination endpoint) allowed on atom k? External ends have no side of their own.</summary>
    public bool Allows(int source, int destination, int atom) =>
        (source >= ClassCount || Egress[source][atom][destination])
        && (destination >= ClassCount || Ingress[destination][atom][source]);

    public ConnectionSet Connections(int source, int destination)
    {
        var atoms = new List<int>();
        for (int k = 0; k < Atoms.Count; k++)
        {
            if (Allows(source, destination, k)) atoms.Add(k);
        }
        return atoms.Count == 0 ? ConnectionSet.None : Atoms.SetOf(atoms);
    }

    private ImmutableArray<EndpointClass> BuildClasses()
    {
        var blocks = _matcher.Scope == IPBlockScope.All
            ? _cluster.Policies.SelectMany(p => p.Ingress.Concat(p.Egress)).SelectMany(r => r.Peers).OfType<IPBlockPeer>()
                .Select(b => b.Addresses).Distinct().ToList()
            : [];
        string Signature(Pod pod) => pod.IPs.IsEmpty || blocks.Count == 0 ? "" : string.Join(",",
            Enumerable.Range(0, blocks.Count).Where(i => pod.IPs.Any(blocks[i].Contains)));
        var groups = new Dictionary<(string Ns, Labels Labels, string Ports, string Ips), List<Pod>>();
        var order = new List<(string, Labels, string, string)>();
        foreach (var pod in _cluster.Pods)
        {
            var key = (pod.Namespace, pod.Labels, PodClass.PortsKey(pod), Signature(pod));
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
                order.Add(key);
            }
            list.Add(pod);
        }
        return [.. order.Select((key, i) => new EndpointClass(i, new PodEndpoint(groups[key][0], _cluster.NamespaceLabels(key.Item1)), [.. groups[key]]))];
    }

    private void IndexClasses()
    {
        _classNamespace = new int[ClassCount];
        _classLabelSet = new int[ClassCount];
        var labelIds = new Dictionary<Labels, int>();
        var namespaceLabels = new List<Labels>();
        var byNamespace = new List<List<int>>();
        for (int c = 0; c < ClassCount; c++)
        {
            var pod = Classes[c].Representative;
            if (!_namespaceIds.TryGetValue(pod.Pod.Namespace, out var ns))
            {
                _namespaceIds[pod.Pod.Namespace] = ns = namespaceLabels.Count;
                namespaceLabels.Add(pod.NamespaceLabels);
                byNamespace.Add([]);
            }
            _classNamespace[c] = ns;
            byNamespace[ns].Add(c);
            if (!labelIds.TryGetValue(pod.Pod.Labels, out var id)) labelIds[pod.Pod.Labels] = id = labelIds.Count;
            _classLabelSet[c] = id;
        }
        _labelSetCount = labelIds.Count;
        _namespaceLabels = [.. namespaceLabels];
        _classesByNamespace = [.. byNamespace];
        _podLabelSets = new Labels[_labelSetCount];
        foreach (var (labels, id) in labelIds) _podLabelSets[id] = labels;
    }

    private Labels[] _podLabelSets = [];

    private IEnumerable<ConnectionSet> ConnectionBoundaries()
    {
        foreach (var policy in _cluster.Policies)
        {
            foreach (var rule in policy.Ingress.Concat(policy.Egress))
            {
                foreach (var port in rule.Ports.OfType<PortRangeMatch>()) yield return RuleMatcher.Connections(port, null);
            }
        }
        foreach (var c in Classes)
        {
            foreach (var port in c.Representative.Pod.Ports)
            {
                if (port.Name is not null) yield return ConnectionSet.Of(port.Protocol, port.Number, port.Number);
            }
        }
    }
}
