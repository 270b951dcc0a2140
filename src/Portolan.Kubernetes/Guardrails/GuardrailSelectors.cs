using System.Collections.Immutable;
using System.Globalization;
using Portolan.Core.Analysis.Guardrails;
using Portolan.Core.Selectors;
using Portolan.Core.Sets;
using Portolan.Kubernetes.Parsing;
using Portolan.Kubernetes.Yaml;

namespace Portolan.Kubernetes.Guardrails;

/// <summary>from/to entries (pods by namespace and labels, or a CIDR), namespace selections and ports.</summary>
internal static class GuardrailSelectors
{
    /// <summary>An omitted list means anywhere; an empty one is an error (it would mean nothing, silently).</summary>
    public static PeerSelection Peers(Node node, YMap map, string key, string path)
    {
        var items = node.List(map, key, path);
        if (items is null) return PeerSelection.Any;
        if (items.Count == 0) throw node.Error(map[key]!, Node.Join(path, key), $"must not be empty: omit {key} to mean anywhere");
        return new PeerSelection([.. items.Select((item, i) => Peer(node, item, $"{Node.Join(path, key)}[{i}]"))]);
    }

    private static PeerSelector Peer(Node node, YNode item, string path)
    {
        var map = node.Item(item, path);
        Fields.Known(node, map, path, "namespaces", "namespaceSelector", "podSelector", "cidr", "except");
        if (map.Has("cidr"))
        {
            if (map.Has("namespaces") || map.Has("namespaceSelector") || map.Has("podSelector"))
                throw node.Error(map, path, "picks either external addresses (cidr) or pods (namespaces, namespaceSelector, podSelector), not both");
            return Addresses(node, map, path);
        }
        if (map.Has("except")) throw node.Error(map["except"]!, Node.Join(path, "except"), "needs cidr");
        var namespaces = Namespaces(node, map, path);
        var pods = node.Map(map, "podSelector", path) is { } podSelector
            ? SelectorParser.Parse(node, podSelector, Node.Join(path, "podSelector")) : LabelSelector.Everything;
        return new WorkloadSelector(namespaces.Names, namespaces.NamespaceLabels, pods);
    }

    /// <summary>namespaces (names) and namespaceSelector (labels); both hold when both are given, neither means every namespace.</summary>
    public static WorkloadSelector Namespaces(Node node, YMap map, string path)
    {
        var names = ImmutableArray<string>.Empty;
        if (node.List(map, "namespaces", path) is { } items)
        {
            if (items.Count == 0) throw node.Error(map["namespaces"]!, Node.Join(path, "namespaces"), "must not be empty: omit it to mean every namespace");
            names = [.. items.Select((n, i) => node.ScalarString(n, $"{Node.Join(path, "namespaces")}[{i}]"))];
        }
        var labels = node.Map(map, "namespaceSelector", path) is { } selector
            ? SelectorParser.Parse(node, selector, Node.Join(path, "namespaceSelector")) : LabelSelector.Everything;
        return new WorkloadSelector(names, labels, LabelSelector.Everything);
    }

    private static AddressSelector Addresses(Node node, YMap map, string path)
    {
        var text = node.String(map, "cidr", path)!;
        if (!Cidr.TryParse(text, out var cidr)) throw node.Error(map["cidr"]!, Node.Join(path, "cidr"), $"\"{text}\" is not a CIDR (e.g. 10.0.0.0/8 or fd00::/8)");
        var addresses = AddressSet.Of(cidr);
        var excepts = new List<string>();
        var items = node.List(map, "except", path) ?? [];
        for (int i = 0; i < items.Count; i++)
        {
            var itemPath = $"{Node.Join(path, "except")}[{i}]";
            var exceptText = node.ScalarString(items[i], itemPath);
            if (!Cidr.TryParse(exceptText, out var except)) throw node.Error(items[i], itemPath, $"\"{exceptText}\" is not a CIDR");
            if (except.IsV6 != cidr.IsV6 || except.First < cidr.First || except.Last > cidr.Last)
                throw node.Error(items[i], itemPath, $"\"{exceptText}\" is not inside cidr {text}");
            addresses = addresses.Subtract(AddressSet.Of(except));
            excepts.Add(exceptText);
        }
        return new AddressSelector(addresses, excepts.Count == 0 ? text : $"{text} except {string.Join(",", excepts)}");
    }

    /// <summary>An omitted list means every protocol and port.</summary>
    public static PortSelection Ports(Node node, YMap map, string path)
    {
        var items = node.List(map, "ports", path);
        if (items is null) return PortSelection.Any;
        if (items.Count == 0) throw node.Error(map["ports"]!, Node.Join(path, "ports"), "must not be empty: omit ports to mean every protocol and port");
        return new PortSelection([.. items.Select((item, i) => Port(node, item, $"{Node.Join(path, "ports")}[{i}]"))]);
    }

    private static PortSelector Port(Node node, YNode item, string path)
    {
        var map = node.Item(item, path);
        Fields.Known(node, map, path, "protocol", "port", "endPort");
        Protocol? protocol = null;
        if (node.String(map, "protocol", path) is { } protocolText)
        {
            if (!Protocols.TryParse(protocolText, out var parsed))
                throw node.Error(map["protocol"]!, Node.Join(path, "protocol"), $"\"{protocolText}\" is not a protocol (TCP, UDP or SCTP)");
            protocol = parsed;
        }
        var port = map["port"];
        var endPort = node.Int(map, "endPort", path);
        if (port is null || port is YScalar { IsNull: true })
        {
            if (endPort is not null) throw node.Error(map["endPort"]!, Node.Join(path, "endPort"), "needs port");
            if (protocol is null) throw node.Error(map, path, "needs a protocol, a port or both");
            return new PortSelector(protocol, PortSet.MinPort, PortSet.MaxPort, null);
        }
        var portPath = Node.Join(path, "port");
        var text = port is YScalar { } scalar ? scalar.Value : throw node.Error(port, portPath, $"must be a number, a range N-M or a port name, not a {port.TypeName}");
        var (from, to, name) = ParsePort(node, port, portPath, text);
        if (endPort is { } end)
        {
            if (name is not null || from != to) throw node.Error(map["endPort"]!, Node.Join(path, "endPort"), "needs port to be a single number");
            to = CheckNumber(node, map["endPort"]!, Node.Join(path, "endPort"), end);
            if (to < from) throw node.Error(map["endPort"]!, Node.Join(path, "endPort"), $"{to} is below port {from}");
        }
        // Kubernetes' default protocol for a number is TCP; a name keeps its container port's protocol unless one is given.
        return new PortSelector(name is null ? protocol ?? Protocol.TCP : protocol, from, to, name);
    }

    private static (int From, int To, string? Name) ParsePort(Node node, YNode at, string path, string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var single))
        {
            var n = CheckNumber(node, at, path, single);
            return (n, n, null);
        }
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && int.TryParse(text[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var low)
            && int.TryParse(text[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var high))
        {
            var (from, to) = (CheckNumber(node, at, path, low), CheckNumber(node, at, path, high));
            if (to < from) throw node.Error(at, path, $"\"{text}\" is an empty range: {to} is below {from}");
            return (from, to, null);
        }
        if (!LabelRules.IsValidPortName(text))
            throw node.Error(at, path, $"\"{text}\" is not a port number, a range N-M or a port name (1-15 of [a-z0-9-], with a letter)");
        return (0, 0, text);
    }

    private static int CheckNumber(Node node, YNode at, string path, int number) =>
        number is >= PortSet.MinPort and <= PortSet.MaxPort ? number : throw node.Error(at, path, $"{number} is not a port number (1-65535)");
}
