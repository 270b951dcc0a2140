using System.Collections.Immutable;
using System.Net;
using Portolan.Core.Model;
using Portolan.Core.Selectors;
using Portolan.Core.Sets;

namespace Portolan.Tests.Engine;

/// <summary>Small random clusters with every policy kind, for engine-equivalence properties.</summary>
public sealed class RandomCluster(int seed)
{
    private readonly Random _random = new(seed);
    private int _policyCounter;
    private int _podCounter;
    private static readonly string[] Namespaces = ["ns-a", "ns-b", "ns-c"];
    private static readonly ContainerPort[] PortChoices =
    [
        new("http", 80, Protocol.TCP), new("dns", 53, Protocol.UDP), new("sig", 9, Protocol.SCTP),
        new("web", 8080, Protocol.TCP), new("http", 8081, Protocol.TCP),
    ];

    public Cluster Cluster()
    {
        var namespaces = Namespaces.Take(_random.Next(2, 4)).ToImmutableDictionary(
            n => n, n => NamespaceInfo.Create(n, Labels.From(RandomLabels("env", ["prod", "dev"])), SourceLocation.None));
        var pods = Enumerable.Range(0, _random.Next(2, 7)).Select(_ => Pod(namespaces.Keys.ToList())).ToImmutableArray();
        var policies = Enumerable.Range(0, _random.Next(1, 6)).Select(_ => Policy(namespaces.Keys.ToList())).ToImmutableArray();
        return new Cluster(namespaces, pods, Unique(policies), []);
    }

    // Admin and Baseline priorities must be unique per tier, as the loader enforces.
    public static ImmutableArray<Policy> Unique(IEnumerable<Policy> policies)
    {
        var seen = new HashSet<(Tier, int)>();
        return [.. policies.Where(p => p.Tier == Tier.NetworkPolicy || seen.Add((p.Tier, p.Priority)))];
    }

    public Pod Pod(IReadOnlyList<string> namespaces)
    {
        var ns = namespaces[_random.Next(namespaces.Count)];
        var name = $"pod-{_podCounter++}";
        var labels = Labels.From(RandomLabels("app", ["x", "y", "z"]).Concat(RandomLabels("tier", ["1", "2"])));
        var ports = PortChoices.Where(_ => _random.Next(3) == 0).DistinctBy(p => p.Name).ToImmutableArray();
        var ips = _random.Next(2) == 0 ? ImmutableArray<IPAddress>.Empty : [IPAddress.Parse($"10.0.{_random.Next(2)}.{_random.Next(1, 9)}")];
        // Some pods share an owner, so workload grouping and splitting are exercised.
        var workload = _random.Next(3) == 0 ? new WorkloadRef(ns, $"rs-{_random.Next(2)}", "ReplicaSet") : new WorkloadRef(ns, name, "Pod");
        return new Pod(ns, name, labels, ports, ips, workload, SourceLocation.None);
    }

    public Policy Policy(IReadOnlyList<string> namespaces)
    {
        var name = $"p{_policyCounter++}";
        var kind = _random.Next(5);
        var ingress = Rules(kind, Direction.Ingress, namespaces);
        var egress = Rules(kind, Direction.Egress, namespaces);
        if (kind <= 1)
        {
            var ns = namespaces[_random.Next(namespaces.Count)];
            return new Policy(PolicyKind.NetworkPolicy, ns, name, Tier.NetworkPolicy, 0, PodSelection.InNamespace(ns, Selector("app", ["x", "y"])),
                _random.Next(4) != 0, _random.Next(2) == 0, ingress, egress, SourceLocation.None);
        }
        var (policyKind, tier, priority) = kind switch
        {
            2 => (PolicyKind.AdminNetworkPolicy, Tier.Admin, _random.Next(5)),
            3 => (PolicyKind.ClusterNetworkPolicy, Tier.Baseline, _random.Next(5)),
            _ => (PolicyKind.BaselineAdminNetworkPolicy, Tier.Baseline, -1),
        };
        var subject = new PodSelection(null, Selector("env", ["prod", "dev"]), Selector("tier", ["1", "2"]));
        return new Policy(policyKind, null, name, tier, priority, subject, !ingress.IsEmpty, !egress.IsEmpty, ingress, egress, SourceLocation.None);
    }

    private ImmutableArray<Rule> Rules(int kind, Direction direction, IReadOnlyList<string> namespaces)
    {
        var count = _random.Next(0, 3);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var action = kind <= 1 ? RuleAction.Allow : (RuleAction)_random.Next(kind == 4 ? 2 : 3);
            var peers = Enumerable.Range(0, kind <= 1 ? _random.Next(0, 3) : _random.Next(1, 3)).Select(_ => Peer(direction, kind, namespaces)).ToImmutableArray();
            var ports = Enumerable.Range(0, _random.Next(0, 3)).Select(_ => Port(kind)).ToImmutableArray();
            return new Rule($"{i + 1}", action, peers, ports, SourceLocation.None);
        })];
    }

    private Peer Peer(Direction direction, int kind, IReadOnlyList<string> namespaces)
    {
        var choice = _random.Next(direction == Direction.Egress || kind <= 1 ? 4 : 3);
        return choice switch
        {
            0 => new PodPeer(PodSelection.InNamespace(namespaces[_random.Next(namespaces.Count)], Selector("app", ["x", "z"]))),
            1 => new PodPeer(new PodSelection(null, Selector("env", ["prod"]), LabelSelector.Everything)),
            2 => new PodPeer(new PodSelection(null, Selector("env", ["dev", "prod"]), Selector("tier", ["2"]))),
            _ => Block(),
        };
    }

    private IPBlockPeer Block()
    {
        if (!Cidr.TryParse(_random.Next(3) switch { 0 => "10.0.0.0/16", 1 => "10.0.1.0/24", _ => "0.0.0.0/0" }, out var cidr))
            throw new InvalidOperationException("test CIDR does not parse");
        var set = AddressSet.Of(cidr);
        if (_random.Next(2) == 0 && Cidr.TryParse("10.0.0.4/30", out var except) && except.PrefixLength > cidr.PrefixLength)
            set = set.Subtract(AddressSet.Of(except));
        return new IPBlockPeer(set, set.ToString());
    }

    private PortMatch Port(int kind) => _random.Next(5) switch
    {
        0 => new PortRangeMatch(Protocol.TCP, 80, 80),
        1 => new PortRangeMatch(Protocol.TCP, 1, 1000),
        2 => new PortRangeMatch((Protocol)_random.Next(3), 1, 65535),
        3 => new NamedPortMatch(_random.Next(2) == 0 ? "http" : "dns", kind <= 1 ? (_random.Next(2) == 0 ? Protocol.TCP : Protocol.UDP) : null),
        _ => new PortRangeMatch(Protocol.UDP, 53, 9000),
    };

    private LabelSelector Selector(string key, string[] values) => _random.Next(4) switch
    {
        0 => LabelSelector.Everything,
        1 => new LabelSelector([new Requirement(key, SelectorOperator.In, [values[_random.Next(values.Length)]])]),
        2 => new LabelSelector([new Requirement(key, SelectorOperator.NotIn, [values[0]])]),
        _ => new LabelSelector([new Requirement(key, _random.Next(2) == 0 ? SelectorOperator.Exists : SelectorOperator.DoesNotExist, [])]),
    };

    private IEnumerable<KeyValuePair<string, string>> RandomLabels(string key, string[] values) =>
        _random.Next(4) == 0 ? [] : [new(key, values[_random.Next(values.Length)])];

    public int Next(int max) => _random.Next(max);
}
