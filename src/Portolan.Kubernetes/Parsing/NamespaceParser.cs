using System.Collections.Immutable;
using System.Net;
using Portolan.Core.Model;
using Portolan.Kubernetes.Yaml;

namespace Portolan.Kubernetes.Parsing;

public static class NamespaceParser
{
    public static NamespaceInfo ParseNamespace(ObjectHeader header, Node node) =>
        NamespaceInfo.Create(header.Name,
            SelectorParser.ParseLabels(node, node.Map(header.Metadata, "labels", "metadata"), "metadata.labels"), header.Origin) with
        {
            Annotations = header.Annotations(node),
        };

    /// <summary>A Node with the IP addresses in status.addresses (host names are skipped).</summary>
    public static NodeInfo ParseNode(ObjectHeader header, Node node)
    {
        var labels = SelectorParser.ParseLabels(node, node.Map(header.Metadata, "labels", "metadata"), "metadata.labels");
        var addresses = new List<IPAddress>();
        var status = node.Map(header.Root, "status", "");
        var items = status is null ? [] : node.List(status, "addresses", "status") ?? [];
        for (int i = 0; i < items.Count; i++)
        {
            var entry = node.Item(items[i], $"status.addresses[{i}]");
            var type = node.String(entry, "type", $"status.addresses[{i}]");
            var text = node.String(entry, "address", $"status.addresses[{i}]");
            if (text is null || type is "Hostname" or "InternalDNS" or "ExternalDNS") continue;
            addresses.Add(PodParser.Parse(node, entry, $"status.addresses[{i}].address", text));
        }
        return new NodeInfo(header.Name, labels, [.. addresses.Distinct()], header.Origin);
    }
}
