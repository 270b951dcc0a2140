using System.Globalization;
using Portolan.Core.Sets;
using Portolan.Kubernetes.Parsing;
using Portolan.Kubernetes.Yaml;

namespace Portolan.Kubernetes.Conversion;

/// <summary>
/// v1alpha1 <c>ports</c> as v1alpha2 <c>protocols</c> (NPEP-187, semantics §5.4): the protocol
/// (default TCP) becomes the key, a range needs start &lt; end so a one-port range becomes a
/// number, and a named port becomes destinationNamedPort.
/// </summary>
internal static class ProtocolConverter
{
    public const int MaxProtocols = 25;

    /// <param name="ipPeer">The first networks/nodes/domainNames peer of an egress rule, where named ports are refused.</param>
    public static YSeq Protocols(Node node, YSeq ports, string path, string? ipPeer)
    {
        Refusal.Limit(node, ports, path, ports.Items.Count, MaxProtocols, "port entries");
        return Tree.Seq(ports.Items.Select((entry, i) => Entry(node, (YMap)entry, $"{path}[{i}]", ipPeer)));
    }

    private static YMap Entry(Node node, YMap entry, string path, string? ipPeer)
    {
        Refusal.UnknownFields(node, entry, path, "portNumber", "portRange", "namedPort");
        if (Tree.Field(entry, "namedPort") is { } name)
        {
            if (ipPeer is not null)
                throw Refusal.At(node, name, $"{path}.namedPort", $"the rule's peers include {ipPeer}, and the v1alpha2 CRD rejects "
                    + "destinationNamedPort in an egress rule with networks, nodes or domainNames peers");
            return Tree.Map(("destinationNamedPort", name));
        }
        if (Tree.Field(entry, "portNumber") is YMap number)
        {
            Refusal.UnknownFields(node, number, $"{path}.portNumber", "protocol", "port");
            return Port(number, Int(number, "port"), Int(number, "port"));
        }
        var range = (YMap)Tree.Field(entry, "portRange")!;
        Refusal.UnknownFields(node, range, $"{path}.portRange", "protocol", "start", "end");
        var (start, end) = (Int(range, "start"), Int(range, "end"));
        // The loader already refuses end < start (as np-guard does), so this is a safety net (docs/convert.md).
        if (end < start) throw Refusal.At(node, range, $"{path}.portRange", $"end {end} is below start {start}");
        return Port(range, start, end);
    }

    private static YMap Port(YMap source, int start, int end)
    {
        var protocol = Tree.Field(source, "protocol") is YScalar p && Core.Sets.Protocols.TryParse(p.Value, out var parsed) ? parsed : Protocol.TCP;
        var destination = start == end
            ? Tree.Map(("number", Tree.Int(start)))
            : Tree.Map(("range", Tree.Map(("start", Tree.Int(start)), ("end", Tree.Int(end)))));
        return Tree.Map((protocol.ToString().ToLowerInvariant(), Tree.Map(("destinationPort", destination))));
    }

    private static int Int(YMap map, string key) =>
        int.Parse(((YScalar)Tree.Field(map, key)!).Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
