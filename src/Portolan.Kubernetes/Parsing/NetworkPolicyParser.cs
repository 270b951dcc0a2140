using System.Collections.Immutable;
using Portolan.Core.Model;
using Portolan.Core.Selectors;
using Portolan.Core.Sets;
using Portolan.Kubernetes.Yaml;

namespace Portolan.Kubernetes.Parsing;

/// <summary>NetworkPolicy (networking.k8s.io/v1) with the API server's defaulting and validation (semantics §3).</summary>
public static class NetworkPolicyParser
{
    public static Policy Parse(ObjectHeader header, Node node)
    {
        var ns = header.NamespaceOrDefault;
        var spec = node.Map(header.Root, "spec", "") ?? throw node.Error(header.Root, "spec", "is required");
        var podSelectorMap = node.Map(spec, "podSelector", "spec");
        var podSelector = podSelectorMap is null ? LabelSelector.Everything : SelectorParser.Parse(node, podSelectorMap, "spec.podSelector");

        var ingressItems = node.List(spec, "ingress", "spec");
        var egressItems = node.List(spec, "egress", "spec");
        var ingress = Rules(node, ns, ingressItems, Direction.Ingress);
        var egress = Rules(node, ns, egressItems, Direction.Egress);

        bool affectsIngress, affectsEgress;
        var types = node.List(spec, "policyTypes", "spec");
        if (types is null || types.Count == 0)
        {
            // Semantics §3.2: defaulted to Ingress, plus Egress iff the egress list is non-empty.
            affectsIngress = true;
            affectsEgress = egressItems is { Count: > 0 };
        }
        else
        {
            if (types.Count > 2) throw node.Error(types[0], "spec.policyTypes", "may list at most two types");
            affectsIngress = affectsEgress = false;
            for (int i = 0; i < types.Count; i++)
            {
                var type = node.ScalarString(types[i], $"spec.policyTypes[{i}]");
                if (type == "Ingress") affectsIngress = true;
                else if (type == "Egress") affectsEgress = true;
                else throw node.Error(types[i], $"spec.policyTypes[{i}]", $"\"{type}\" is not a policy type (Ingress or Egress)");
            }
        }
        return new Policy(PolicyKind.NetworkPolicy, ns, header.Name, Tier.NetworkPolicy, 0,
            PodSelection.InNamespace(ns, podSelector), affectsIngress, affectsEgress, ingress, egress, header.Origin)
        {
            Annotations = header.Annotations(node),
        };
    }

    private static ImmutableArray<Rule> Rules(Node node, string ns, IReadOnlyList<YNode>? items, Direction direction)
    {
        if (items is null) return [];
        var key = direction == Direction.Ingress ? "ingress" : "egress";
        var peersKey = direction == Direction.Ingress ? "from" : "to";
        var rules = ImmutableArray.CreateBuilder<Rule>(items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            var path = $"spec.{key}[{i}]";
            var rule = node.Item(items[i], path);
            var peerItems = node.List(rule, peersKey, path) ?? [];
            var peers = peerItems.Select((p, k) => ParsePeer(node, ns, p, $"{path}.{peersKey}[{k}]")).ToImmutableArray();
            var portItems = node.List(rule, "ports", path) ?? [];
            var ports = portItems.Select((p, k) => ParsePort(node, p, $"{path}.ports[{k}]")).ToImmutableArray();
            rules.Add(new Rule($"{i + 1}", RuleAction.Allow, peers, ports, node.At(rule)));
        }
        return rules.MoveToImmutable();
    }

    private static Peer ParsePeer(Node node, string ns, YNode item, string path)
    {
        var peer = node.Item(item, path);
        var podSelector = node.Map(peer, "podSelector", path);
        var namespaceSelector = node.Map(peer, "namespaceSelector", path);
        var ipBlock = node.Map(peer, "ipBlock", path);
        if (ipBlock is not null && (podSelector is not null || namespaceSelector is not null))
            throw node.Error(peer, path, "may not specify both ipBlock and another peer (podSelector or namespaceSelector)");
        if (ipBlock is not null) return ParseIPBlock(node, ipBlock, $"{path}.ipBlock");
        if (podSelector is null && namespaceSelector is null)
            throw node.Error(peer, path, "must specify a peer: podSelector, namespaceSelector or ipBlock");
        var pods = podSelector is null ? LabelSelector.Everything : SelectorParser.Parse(node, podSelector, $"{path}.podSelector");
        // Semantics §3.5: podSelector alone means the policy's own namespace.
        return namespaceSelector is null
            ? new PodPeer(PodSelection.InNamespace(ns, pods))
            : new PodPeer(new PodSelection(null, SelectorParser.Parse(node, namespaceSelector, $"{path}.namespaceSelector"), pods));
    }

    private static IPBlockPeer ParseIPBlock(Node node, YMap block, string path)
    {
        var cidrText = node.String(block, "cidr", path) ?? throw node.Error(block, $"{path}.cidr", "is required");
        if (!Cidr.TryParse(cidrText, out var cidr))
            throw node.Error(block, $"{path}.cidr", $"\"{cidrText}\" is not a valid CIDR");
        var addresses = AddressSet.Of(cidr);
        var exceptItems = node.List(block, "except", path) ?? [];
        var excepts = new List<string>();
        for (int i = 0; i < exceptItems.Count; i++)
        {
            var text = node.ScalarString(exceptItems[i], $"{path}.except[{i}]");
            if (!Cidr.TryParse(text, out var except))
                throw node.Error(exceptItems[i], $"{path}.except[{i}]", $"\"{text}\" is not a valid CIDR");
            // Semantics §3.6: an except must be a strict subset of cidr.
            if (except.IsV6 != cidr.IsV6 || except.PrefixLength <= cidr.PrefixLength || except.First < cidr.First || except.Last > cidr.Last)
                throw node.Error(exceptItems[i], $"{path}.except[{i}]", $"\"{text}\" must be a strict subset of cidr {cidrText}");
            addresses = addresses.Subtract(AddressSet.Of(except));
            excepts.Add(text);
        }
        var display = excepts.Count == 0 ? cidrText : $"{cidrText} except {string.Join(",", excepts)}";
        return new IPBlockPeer(addresses, display);
    }

    private static PortMatch ParsePort(Node node, YNode item, string path)
    {
        var entry = node.Item(item, path);
        var protocol = Protocol.TCP;
        if (node.String(entry, "protocol", path) is { } protocolText && !Protocols.TryParse(protocolText, out protocol))
            throw node.Error(entry["protocol"]!, $"{path}.protocol", $"\"{protocolText}\" is not a protocol (TCP, UDP or SCTP)");
        var port = node.IntOrString(entry, "port", path);
        var endPort = node.Int(entry, "endPort", path);
        if (port is null)
        {
            if (endPort is not null) throw node.Error(entry["endPort"]!, $"{path}.endPort", "may not be specified without port");
            return new PortRangeMatch(protocol, PortSet.MinPort, PortSet.MaxPort);
        }
        if (port.Value.Name is { } name)
        {
            if (!LabelRules.IsValidPortName(name))
                throw node.Error(entry["port"]!, $"{path}.port", $"\"{name}\" is neither a port number nor a valid port name (1-15 of [a-z0-9-], with a letter)");
            if (endPort is not null)
                throw node.Error(entry["endPort"]!, $"{path}.endPort", $"may not be specified when port is a named port (\"{name}\")");
            return new NamedPortMatch(name, protocol);
        }
        var number = port.Value.Number!.Value;
        CheckPort(node, entry["port"]!, $"{path}.port", number);
        if (endPort is { } end)
        {
            CheckPort(node, entry["endPort"]!, $"{path}.endPort", end);
            if (end < number) throw node.Error(entry["endPort"]!, $"{path}.endPort", $"{end} must be greater than or equal to port {number}");
            return new PortRangeMatch(protocol, number, end);
        }
        return new PortRangeMatch(protocol, number, number);
    }

    private static void CheckPort(Node node, YNode at, string path, int number)
    {
        if (number is < PortSet.MinPort or > PortSet.MaxPort) throw node.Error(at, path, $"{number} is not a port number (1-65535)");
    }
}
