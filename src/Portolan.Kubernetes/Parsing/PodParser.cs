using System.Collections.Immutable;
using System.Net;
using Portolan.Core.Model;
using Portolan.Core.Sets;
using Portolan.Kubernetes.Yaml;

namespace Portolan.Kubernetes.Parsing;

/// <summary>
/// Pods, and the one representative pod of each workload object (conformance README, "Workloads"):
/// template labels and the union of its containers' ports.
/// </summary>
public static class PodParser
{
    public static readonly ImmutableHashSet<string> WorkloadKinds = ImmutableHashSet.Create(StringComparer.Ordinal,
        "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicationController");

    public static Pod ParsePod(ObjectHeader header, Node node)
    {
        var ns = header.NamespaceOrDefault;
        var labels = SelectorParser.ParseLabels(node, node.Map(header.Metadata, "labels", "metadata"), "metadata.labels");
        var spec = node.Map(header.Root, "spec", "");
        var ports = spec is null ? [] : Ports(node, spec, "spec");
        var ips = Addresses(node, header.Root);
        return new Pod(ns, header.Name, labels, ports, ips, Owner(node, header, ns), header.Origin) { Annotations = header.Annotations(node) };
    }

    public static Pod ParseWorkload(ObjectHeader header, Node node)
    {
        var ns = header.NamespaceOrDefault;
        var spec = node.Map(header.Root, "spec", "") ?? throw node.Error(header.Root, "spec", "is required");
        var path = "spec";
        if (header.Kind == "CronJob")
        {
            var jobTemplate = node.Map(spec, "jobTemplate", path) ?? throw node.Error(spec, "spec.jobTemplate", "is required");
            spec = node.Map(jobTemplate, "spec", "spec.jobTemplate") ?? throw node.Error(jobTemplate, "spec.jobTemplate.spec", "is required");
            path = "spec.jobTemplate.spec";
        }
        var template = node.Map(spec, "template", path);
        var templatePath = $"{path}.template";
        var metadata = template is null ? null : node.Map(template, "metadata", templatePath);
        var labels = SelectorParser.ParseLabels(node, metadata is null ? null : node.Map(metadata, "labels", $"{templatePath}.metadata"),
            $"{templatePath}.metadata.labels");
        var podSpec = template is null ? null : node.Map(template, "spec", templatePath);
        var ports = podSpec is null ? [] : Ports(node, podSpec, $"{templatePath}.spec");
        return new Pod(ns, header.Name, labels, ports, [], new WorkloadRef(ns, header.Name, header.Kind), header.Origin) { Annotations = header.Annotations(node) };
    }

    private static ImmutableArray<ContainerPort> Ports(Node node, YMap podSpec, string path)
    {
        var result = ImmutableArray.CreateBuilder<ContainerPort>();
        var containers = node.List(podSpec, "containers", path) ?? [];
        for (int c = 0; c < containers.Count; c++)
        {
            var containerPath = $"{path}.containers[{c}]";
            var container = node.Item(containers[c], containerPath);
            var ports = node.List(container, "ports", containerPath) ?? [];
            for (int p = 0; p < ports.Count; p++)
            {
                var portPath = $"{containerPath}.ports[{p}]";
                var port = node.Item(ports[p], portPath);
                if (node.Int(port, "containerPort", portPath) is not { } number)
                {
                    // The API server would reject it; np-guard's corpus has one (a misspelt key), so skip the port, loudly.
                    node.Warn(port, portPath, "has no containerPort; the port is ignored");
                    continue;
                }
                if (number is < PortSet.MinPort or > PortSet.MaxPort)
                    throw node.Error(port["containerPort"]!, $"{portPath}.containerPort", $"{number} is not a port number (1-65535)");
                var protocol = Protocol.TCP;
                if (node.String(port, "protocol", portPath) is { } text && !Protocols.TryParse(text, out protocol))
                    throw node.Error(port["protocol"]!, $"{portPath}.protocol", $"\"{text}\" is not a protocol (TCP, UDP or SCTP)");
                result.Add(new ContainerPort(node.String(port, "name", portPath), number, protocol));
            }
        }
        return result.ToImmutable();
    }

    private static ImmutableArray<IPAddress> Addresses(Node node, YMap root)
    {
        var status = node.Map(root, "status", "");
        if (status is null) return [];
        var result = new List<IPAddress>();
        var podIPs = node.List(status, "podIPs", "status") ?? [];
        for (int i = 0; i < podIPs.Count; i++)
        {
            var entry = node.Item(podIPs[i], $"status.podIPs[{i}]");
            if (node.String(entry, "ip", $"status.podIPs[{i}]") is { } text) result.Add(Parse(node, entry, $"status.podIPs[{i}].ip", text));
        }
        if (result.Count == 0 && node.String(status, "podIP", "status") is { } single)
            result.Add(Parse(node, status, "status.podIP", single));
        return [.. result.Distinct()];
    }

    public static IPAddress Parse(Node node, YNode at, string path, string text) =>
        Cidr.TryParseAddress(text, out var address) ? address : throw node.Error(at, path, $"\"{text}\" is not an IP address");

    // A controller owner other than a Node names the workload; an owner without a kind prints as [Pod].
    private static WorkloadRef Owner(Node node, ObjectHeader header, string ns)
    {
        var owners = node.List(header.Metadata, "ownerReferences", "metadata") ?? [];
        for (int i = 0; i < owners.Count; i++)
        {
            var path = $"metadata.ownerReferences[{i}]";
            var owner = node.Item(owners[i], path);
            if (node.Bool(owner, "controller", path) != true) continue;
            var kind = node.String(owner, "kind", path);
            if (kind == "Node") break;
            var name = node.String(owner, "name", path);
            if (string.IsNullOrEmpty(name)) continue;
            // The owner names the workload on every line of output, so it is held to an object's bounds.
            if (NameRules.LengthProblem(name, NameRules.MaxName) is { } nameProblem) throw node.Error(owner["name"]!, $"{path}.name", nameProblem);
            if (kind is not null && NameRules.LengthProblem(kind, NameRules.MaxKind) is { } kindProblem) throw node.Error(owner["kind"]!, $"{path}.kind", kindProblem);
            return new WorkloadRef(ns, name, string.IsNullOrEmpty(kind) ? "Pod" : kind);
        }
        return new WorkloadRef(ns, header.Name, "Pod");
    }
}
