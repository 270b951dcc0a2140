using System.Collections.Immutable;
using Portolan.Core.Model;
using Portolan.Core.Selectors;
using Portolan.Core.Sets;
using Portolan.Kubernetes.Yaml;

namespace Portolan.Kubernetes.Parsing;

/// <summary>
/// AdminNetworkPolicy and BaselineAdminNetworkPolicy (v1alpha1) and ClusterNetworkPolicy (v1alpha2),
/// validated as their CRDs do (semantics §4, §5) and normalised into tiered <see cref="Policy"/> values.
/// </summary>
public static class AdminPolicyParser
{
    /// <summary>The BANP is ordered before every Baseline-tier CNP (issue 3).</summary>
    public const int BaselineAdminPriority = -1;

    private sealed record Shape(PolicyKind Kind, bool V2, int MaxRules, int MaxPeers, int MaxPorts, string[] Actions);

    private static Shape ShapeOf(string kind) => kind switch
    {
        "AdminNetworkPolicy" => new(PolicyKind.AdminNetworkPolicy, false, 100, 100, 100, ["Allow", "Deny", "Pass"]),
        "BaselineAdminNetworkPolicy" => new(PolicyKind.BaselineAdminNetworkPolicy, false, 100, 100, 100, ["Allow", "Deny"]),
        _ => new(PolicyKind.ClusterNetworkPolicy, true, 25, 25, 25, ["Accept", "Deny", "Pass"]),
    };

    public static Policy Parse(ObjectHeader header, Node node)
    {
        var shape = ShapeOf(header.Kind);
        var spec = node.Map(header.Root, "spec", "") ?? throw node.Error(header.Root, "spec", "is required");
        Tier tier;
        int priority;
        switch (shape.Kind)
        {
            case PolicyKind.AdminNetworkPolicy:
                tier = Tier.Admin;
                priority = Priority(node, spec);
                break;
            case PolicyKind.BaselineAdminNetworkPolicy:
                // NPAPI-A1 CEL: the BANP is a singleton named "default".
                if (header.Name != "default")
                    throw node.Error(header.Metadata, "metadata.name", $"a BaselineAdminNetworkPolicy must be named \"default\", not \"{header.Name}\"");
                tier = Tier.Baseline;
                priority = BaselineAdminPriority;
                break;
            default:
                var tierText = node.String(spec, "tier", "spec") ?? throw node.Error(spec, "spec.tier", "is required (Admin or Baseline)");
                tier = tierText switch
                {
                    "Admin" => Tier.Admin,
                    "Baseline" => Tier.Baseline,
                    _ => throw node.Error(spec["tier"]!, "spec.tier", $"\"{tierText}\" is not a tier (Admin or Baseline)"),
                };
                priority = Priority(node, spec);
                break;
        }
        var subject = Subject(node, shape, spec);
        var ingress = Rules(node, shape, spec, Direction.Ingress);
        var egress = Rules(node, shape, spec, Direction.Egress);
        // Semantics §4.2: a direction without rules is not affected at all.
        return new Policy(shape.Kind, null, header.Name, tier, priority, subject, !ingress.IsEmpty, !egress.IsEmpty, ingress, egress, header.Origin)
        {
            Annotations = header.Annotations(node),
        };
    }

    private static int Priority(Node node, YMap spec)
    {
        var priority = node.Int(spec, "priority", "spec") ?? throw node.Error(spec, "spec.priority", "is required (0-1000)");
        if (priority is < 0 or > 1000) throw node.Error(spec["priority"]!, "spec.priority", $"{priority} is out of range 0-1000");
        return priority;
    }

    private static PodSelection Subject(Node node, Shape shape, YMap spec)
    {
        var subject = node.Map(spec, "subject", "spec") ?? throw node.Error(spec, "spec.subject", "is required");
        var field = ExactlyOne(node, subject, "spec.subject", ["namespaces", "pods"]);
        return Selection(node, shape, subject, field, "spec.subject");
    }

    private static PodSelection Selection(Node node, Shape shape, YMap parent, string field, string path)
    {
        var value = node.Map(parent, field, path) ?? new YMap(parent.Line);
        if (field == "namespaces") return new PodSelection(null, SelectorParser.Parse(node, value, $"{path}.namespaces"), LabelSelector.Everything);
        // v1alpha1 objects in the wild omit either selector; absent means {} (issue 3). v1alpha2 requires podSelector.
        var nsMap = node.Map(value, "namespaceSelector", $"{path}.pods");
        var podMap = node.Map(value, "podSelector", $"{path}.pods");
        if (shape.V2 && podMap is null) throw node.Error(value, $"{path}.pods.podSelector", "is required");
        return new PodSelection(null,
            nsMap is null ? LabelSelector.Everything : SelectorParser.Parse(node, nsMap, $"{path}.pods.namespaceSelector"),
            podMap is null ? LabelSelector.Everything : SelectorParser.Parse(node, podMap, $"{path}.pods.podSelector"));
    }

    private static ImmutableArray<Rule> Rules(Node node, Shape shape, YMap spec, Direction direction)
    {
        var key = direction == Direction.Ingress ? "ingress" : "egress";
        var items = node.List(spec, key, "spec");
        if (items is null) return [];
        if (items.Count > shape.MaxRules)
            throw node.Error(spec[key]!, $"spec.{key}", $"has {items.Count} rules; at most {shape.MaxRules} are allowed");
        var rules = ImmutableArray.CreateBuilder<Rule>(items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            rules.Add(ParseRule(node, shape, node.Item(items[i], $"spec.{key}[{i}]"), direction, $"spec.{key}[{i}]", i));
        }
        return rules.MoveToImmutable();
    }

    private static Rule ParseRule(Node node, Shape shape, YMap rule, Direction direction, string path, int index)
    {
        var name = node.String(rule, "name", path);
        if (name is { Length: > 100 }) throw node.Error(rule["name"]!, $"{path}.name", "may be at most 100 characters");
        var actionText = node.String(rule, "action", path) ?? throw node.Error(rule, $"{path}.action", $"is required ({string.Join(", ", shape.Actions)})");
        if (!shape.Actions.Contains(actionText, StringComparer.Ordinal))
            throw node.Error(rule["action"]!, $"{path}.action", $"\"{actionText}\" is not an action of {shape.Kind} ({string.Join(", ", shape.Actions)})");
        var action = actionText switch { "Deny" => RuleAction.Deny, "Pass" => RuleAction.Pass, _ => RuleAction.Allow };

        var peersKey = direction == Direction.Ingress ? "from" : "to";
        var peerItems = node.List(rule, peersKey, path);
        if (peerItems is null || peerItems.Count == 0)
            throw node.Error(rule[peersKey] ?? rule, $"{path}.{peersKey}", "must be defined and list at least one peer");
        if (peerItems.Count > shape.MaxPeers)
            throw node.Error(rule[peersKey]!, $"{path}.{peersKey}", $"lists {peerItems.Count} peers; at most {shape.MaxPeers} are allowed");
        var peerFields = direction == Direction.Ingress
            ? new[] { "namespaces", "pods" }
            : shape.Kind == PolicyKind.BaselineAdminNetworkPolicy
                ? ["namespaces", "pods", "networks", "nodes"]
                : ["namespaces", "pods", "networks", "nodes", "domainNames"];
        var peers = ImmutableArray.CreateBuilder<Peer>();
        var ipPeers = false;
        for (int k = 0; k < peerItems.Count; k++)
        {
            var peerPath = $"{path}.{peersKey}[{k}]";
            var peerMap = node.Item(peerItems[k], peerPath);
            var field = ExactlyOne(node, peerMap, peerPath, peerFields);
            ipPeers |= field is "networks" or "nodes" or "domainNames";
            peers.Add(field switch
            {
                "networks" => Networks(node, peerMap, $"{peerPath}.networks"),
                "nodes" => new NodePeer(SelectorParser.Parse(node, node.Map(peerMap, "nodes", peerPath) ?? new YMap(peerMap.Line), $"{peerPath}.nodes")),
                "domainNames" => DomainNames(node, peerMap, $"{peerPath}.domainNames", action, shape),
                _ => new PodPeer(Selection(node, shape, peerMap, field, peerPath)),
            });
        }

        var ports = shape.V2 ? Protocols(node, rule, path, shape) : Ports(node, rule, path, shape);
        if (shape.V2 && direction == Direction.Egress && ipPeers && ports.Any(p => p is NamedPortMatch))
            throw node.Error(rule, $"{path}.protocols", "destinationNamedPort may not be used in a rule whose peers include networks, nodes or domainNames");
        return new Rule(name ?? $"#{index + 1}", action, peers.ToImmutable(), ports, node.At(rule));
    }

    private static IPBlockPeer Networks(Node node, YMap peer, string path)
    {
        var items = node.List(peer, "networks", "") ?? [];
        if (items.Count is 0 or > 25) throw node.Error(peer, path, "must list 1 to 25 CIDRs");
        var addresses = AddressSet.Empty;
        var texts = new List<string>();
        for (int i = 0; i < items.Count; i++)
        {
            var text = node.ScalarString(items[i], $"{path}[{i}]");
            if (!Cidr.TryParse(text, out var cidr)) throw node.Error(items[i], $"{path}[{i}]", $"\"{text}\" is not a valid CIDR");
            addresses = addresses.Union(AddressSet.Of(cidr));
            texts.Add(text);
        }
        return new IPBlockPeer(addresses, string.Join(",", texts));
    }

    private static UnmatchablePeer DomainNames(Node node, YMap peer, string path, RuleAction action, Shape shape)
    {
        if (action != RuleAction.Allow)
            throw node.Error(peer, path, $"domainNames may only be used in {(shape.V2 ? "Accept" : "Allow")} rules");
        var names = (node.List(peer, "domainNames", "") ?? []).Select((n, i) => node.ScalarString(n, $"{path}[{i}]")).ToList();
        if (names.Count == 0) throw node.Error(peer, path, "must list at least one domain name");
        return new UnmatchablePeer($"domainNames {string.Join(",", names)}");
    }

    private static ImmutableArray<PortMatch> Ports(Node node, YMap rule, string path, Shape shape)
    {
        var items = node.List(rule, "ports", path);
        if (items is null) return [];
        if (items.Count == 0 || items.Count > shape.MaxPorts) throw node.Error(rule["ports"]!, $"{path}.ports", $"must list 1 to {shape.MaxPorts} entries when present");
        var result = ImmutableArray.CreateBuilder<PortMatch>();
        for (int i = 0; i < items.Count; i++)
        {
            var entryPath = $"{path}.ports[{i}]";
            var entry = node.Item(items[i], entryPath);
            var field = ExactlyOne(node, entry, entryPath, ["portNumber", "portRange", "namedPort"]);
            if (field == "namedPort")
            {
                result.Add(new NamedPortMatch(NamedPort(node, entry, "namedPort", entryPath), null));
                continue;
            }
            var value = node.Map(entry, field, entryPath) ?? throw node.Error(entry, $"{entryPath}.{field}", "must be an object");
            var protocol = Protocol.TCP;
            if (node.String(value, "protocol", $"{entryPath}.{field}") is { } text && !Core.Sets.Protocols.TryParse(text, out protocol))
                throw node.Error(value["protocol"]!, $"{entryPath}.{field}.protocol", $"\"{text}\" is not a protocol (TCP, UDP or SCTP)");
            if (field == "portNumber")
            {
                var port = RequiredPort(node, value, "port", $"{entryPath}.portNumber");
                result.Add(new PortRangeMatch(protocol, port, port));
            }
            else
            {
                var start = RequiredPort(node, value, "start", $"{entryPath}.portRange");
                var end = RequiredPort(node, value, "end", $"{entryPath}.portRange");
                if (end < start) throw node.Error(value, $"{entryPath}.portRange", $"end {end} is below start {start}");
                result.Add(new PortRangeMatch(protocol, start, end));
            }
        }
        return result.ToImmutable();
    }

    private static ImmutableArray<PortMatch> Protocols(Node node, YMap rule, string path, Shape shape)
    {
        var items = node.List(rule, "protocols", path);
        if (items is null) return [];
        if (items.Count == 0 || items.Count > shape.MaxPorts) throw node.Error(rule["protocols"]!, $"{path}.protocols", $"must list 1 to {shape.MaxPorts} entries when present");
        var result = ImmutableArray.CreateBuilder<PortMatch>();
        for (int i = 0; i < items.Count; i++)
        {
            var entryPath = $"{path}.protocols[{i}]";
            var entry = node.Item(items[i], entryPath);
            var field = ExactlyOne(node, entry, entryPath, ["tcp", "udp", "sctp", "destinationNamedPort"]);
            if (field == "destinationNamedPort")
            {
                result.Add(new NamedPortMatch(NamedPort(node, entry, field, entryPath), null));
                continue;
            }
            var protocol = field switch { "udp" => Protocol.UDP, "sctp" => Protocol.SCTP, _ => Protocol.TCP };
            var value = node.Map(entry, field, entryPath);
            // NPAPI-A2 CRD: minProperties 1, so `tcp: {}` is rejected (semantics §7.61).
            var destination = value is null ? null : node.Map(value, "destinationPort", $"{entryPath}.{field}");
            if (destination is null)
                throw node.Error(value ?? entry, $"{entryPath}.{field}", "must set destinationPort (for every port write range: {start: 1, end: 65535})");
            var destinationPath = $"{entryPath}.{field}.destinationPort";
            var kind = ExactlyOne(node, destination, destinationPath, ["number", "range"]);
            if (kind == "number")
            {
                var port = RequiredPort(node, destination, "number", destinationPath);
                result.Add(new PortRangeMatch(protocol, port, port));
                continue;
            }
            var range = node.Map(destination, "range", destinationPath) ?? throw node.Error(destination, $"{destinationPath}.range", "must be an object");
            var start = RequiredPort(node, range, "start", $"{destinationPath}.range");
            var end = RequiredPort(node, range, "end", $"{destinationPath}.range");
            // NPAPI-A2 CEL: start < end (semantics §7.62).
            if (start >= end) throw node.Error(range, $"{destinationPath}.range", $"start {start} must be less than end {end}");
            result.Add(new PortRangeMatch(protocol, start, end));
        }
        return result.ToImmutable();
    }

    private static string NamedPort(Node node, YMap entry, string field, string path)
    {
        var name = node.String(entry, field, path) ?? throw node.Error(entry, $"{path}.{field}", "must be a port name");
        if (!LabelRules.IsValidPortName(name)) throw node.Error(entry[field]!, $"{path}.{field}", $"\"{name}\" is not a valid port name");
        return name;
    }

    private static int RequiredPort(Node node, YMap map, string key, string path)
    {
        var port = node.Int(map, key, path) ?? throw node.Error(map, $"{path}.{key}", "is required");
        if (port is < PortSet.MinPort or > PortSet.MaxPort) throw node.Error(map[key]!, $"{path}.{key}", $"{port} is not a port number (1-65535)");
        return port;
    }

    private static string ExactlyOne(Node node, YMap map, string path, string[] fields)
    {
        var present = fields.Where(f => map[f] is { } v && v is not YScalar { IsNull: true }).ToList();
        if (present.Count == 1) return present[0];
        var list = string.Join(", ", fields);
        throw node.Error(map, path, present.Count == 0
            ? $"exactly one of {list} must be set; none is"
            : $"exactly one of {list} must be set; found {string.Join(" and ", present)}");
    }

    /// <summary>
    /// Checks over the whole set: at most one BANP; no two policies of one tier with the same priority,
    /// since the API leaves their order to the implementation (semantics §4.1, §7.45).
    /// </summary>
    public static void CheckSet(IEnumerable<Policy> policies)
    {
        var admin = policies.Where(p => p.Tier != Tier.NetworkPolicy).ToList();
        var banps = admin.Where(p => p.Kind == PolicyKind.BaselineAdminNetworkPolicy).ToList();
        if (banps.Count > 1)
            throw new ManifestException(banps[1].Origin, banps[1].DisplayName, $"only one BaselineAdminNetworkPolicy may exist; another is defined at {banps[0].Origin}");
        foreach (var group in admin.GroupBy(p => (p.Tier, p.Priority)).Where(g => g.Count() > 1))
        {
            var (first, second) = (group.First(), group.Skip(1).First());
            throw new ManifestException(second.Origin, second.DisplayName,
                $"has the same {group.Key.Tier}-tier priority {group.Key.Priority} as {first.DisplayName} ({first.Origin}); "
                + "the API leaves the order of equal priorities undefined, so give each policy a distinct priority");
        }
    }

    /// <summary>Warnings for what the analysis cannot see: domainNames peers, and nodes peers without Node objects.</summary>
    public static IEnumerable<string> Warnings(IEnumerable<Policy> policies, bool haveNodes)
    {
        foreach (var policy in policies.Where(p => p.Tier != Tier.NetworkPolicy))
        {
            foreach (var rule in policy.Ingress.Concat(policy.Egress))
            {
                foreach (var peer in rule.Peers)
                {
                    if (peer is UnmatchablePeer u)
                        yield return $"{rule.Origin}: {policy.DisplayName} rule {rule.Name}: {u.Description} cannot be analysed; the peer matches nothing";
                    else if (peer is NodePeer && !haveNodes)
                        yield return $"{rule.Origin}: {policy.DisplayName} rule {rule.Name}: nodes peer matches nothing (no Node objects in the input)";
                }
            }
        }
    }
}
