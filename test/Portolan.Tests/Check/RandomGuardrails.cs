using System.Collections.Immutable;
using Portolan.Core.Analysis.Guardrails;
using Portolan.Core.Model;
using Portolan.Core.Selectors;
using Portolan.Core.Sets;

namespace Portolan.Tests.Check;

/// <summary>Random guardrail selections over the namespaces, labels and ports of <see cref="Engine.RandomCluster"/>.</summary>
public sealed class RandomGuardrails(int seed)
{
    private readonly Random _random = new(seed * 7919 + 1);
    private static readonly string[] Cidrs = ["10.0.0.0/16", "10.0.1.0/24", "0.0.0.0/0", "10.0.0.0/30", "192.168.0.0/16", "::/0", "fd00::/8"];

    public PeerSelection Peers(IReadOnlyList<string> namespaces) => _random.Next(3) == 0
        ? PeerSelection.Any
        : new PeerSelection([.. Enumerable.Range(0, _random.Next(1, 3)).Select(_ => _random.Next(10) < 7 ? (PeerSelector)Workloads(namespaces) : Addresses())]);

    public WorkloadSelector Workloads(IReadOnlyList<string> namespaces)
    {
        var names = _random.Next(2) == 0 ? [] : namespaces.Where(_ => _random.Next(2) == 0).ToImmutableArray();
        return new WorkloadSelector(names, Selector("env", ["prod", "dev"]), Selector("app", ["x", "y", "z"]));
    }

    public AddressSelector Addresses()
    {
        var text = Cidrs[_random.Next(Cidrs.Length)];
        Assert.True(Cidr.TryParse(text, out var cidr));
        return new AddressSelector(AddressSet.Of(cidr), text);
    }

    public PortSelection Ports() => _random.Next(3) == 0
        ? PortSelection.Any
        : new PortSelection([.. Enumerable.Range(0, _random.Next(1, 3)).Select(_ => _random.Next(6) switch
        {
            0 => new PortSelector(Protocol.TCP, 80, 80, null),
            1 => new PortSelector(Protocol.TCP, 1, 1000, null),
            2 => new PortSelector(Protocol.UDP, 53, 53, null),
            3 => new PortSelector(null, 0, 0, "http"),
            4 => new PortSelector(Protocol.UDP, 0, 0, "dns"),
            _ => new PortSelector(Protocol.SCTP, PortSet.MinPort, PortSet.MaxPort, null),
        })]);

    /// <summary>A statement of a kind (deny, require, only, isolated) over these namespaces.</summary>
    public Guardrail Statement(string kind, string name, IReadOnlyList<string> namespaces, GuardrailSeverity severity = GuardrailSeverity.Error) => kind switch
    {
        "deny" => new DenyGuardrail(name, null, severity, SourceLocation.None, Peers(namespaces), Peers(namespaces), Ports()),
        "require" => new RequireGuardrail(name, null, severity, SourceLocation.None, Peers(namespaces), Peers(namespaces), Ports()),
        "only" => new OnlyGuardrail(name, null, severity, SourceLocation.None, Peers(namespaces),
            [.. Enumerable.Range(0, _random.Next(3)).Select(_ => new OnlyAllowance(Peers(namespaces), Ports()))]),
        _ => Isolated(name, namespaces, severity),
    };

    private IsolatedGuardrail Isolated(string name, IReadOnlyList<string> namespaces, GuardrailSeverity severity)
    {
        var selection = Workloads(namespaces);
        var places = new WorkloadSelector(selection.Names, selection.NamespaceLabels, LabelSelector.Everything);
        return new IsolatedGuardrail(name, null, severity, SourceLocation.None, places, Directions());
    }

    public int Next(int max) => _random.Next(max);

    public ImmutableArray<Direction> Directions() => _random.Next(3) switch
    {
        0 => [Direction.Ingress],
        1 => [Direction.Egress],
        _ => [Direction.Ingress, Direction.Egress],
    };

    private LabelSelector Selector(string key, string[] values) => _random.Next(3) switch
    {
        0 => LabelSelector.Everything,
        1 => new LabelSelector([new Requirement(key, SelectorOperator.In, [values[_random.Next(values.Length)]])]),
        _ => new LabelSelector([new Requirement(key, SelectorOperator.NotIn, [values[0]])]),
    };
}
