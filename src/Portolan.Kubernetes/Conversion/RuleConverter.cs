using Portolan.Core.Model;
using Portolan.Kubernetes.Parsing;
using Portolan.Kubernetes.Yaml;

namespace Portolan.Kubernetes.Conversion;

/// <summary>
/// The rules of one direction: same order (first match wins in both versions), same names,
/// Allow renamed Accept, peers as written, ports rewritten as protocols.
/// </summary>
internal static class RuleConverter
{
    public const int MaxRules = 25;
    public const int MaxPeers = 25;

    private static readonly string[] IPPeerFields = ["networks", "nodes", "domainNames"];

    /// <summary>The converted list, or null when the direction is not written (an empty list stays empty).</summary>
    public static YSeq? Rules(Node node, YMap spec, Direction direction)
    {
        var key = direction == Direction.Ingress ? "ingress" : "egress";
        if (Tree.Field(spec, key) is not YSeq rules) return null;
        Refusal.Limit(node, rules, $"spec.{key}", rules.Items.Count, MaxRules, $"{key} rules");
        return Tree.Seq(rules.Items.Select((rule, i) => Rule(node, (YMap)rule, direction, $"spec.{key}[{i}]")));
    }

    private static YMap Rule(Node node, YMap rule, Direction direction, string path)
    {
        var peersKey = direction == Direction.Ingress ? "from" : "to";
        Refusal.UnknownFields(node, rule, path, "name", "action", peersKey, "ports");
        var peers = (YSeq)Tree.Field(rule, peersKey)!;
        Refusal.Limit(node, peers, $"{path}.{peersKey}", peers.Items.Count, MaxPeers, "peers");
        // The v1alpha2 CRD rejects destinationNamedPort beside networks/nodes/domainNames peers (semantics §5.1).
        var ipPeer = direction == Direction.Ingress ? null : IPPeer(peers, $"{path}.{peersKey}");
        var action = ((YScalar)Tree.Field(rule, "action")!).Value;
        return Tree.Map(
            ("name", Tree.Field(rule, "name")),
            ("action", Tree.String(action == "Allow" ? "Accept" : action)),
            (peersKey, Tree.Seq(peers.Items.Select((peer, k) => Peer(node, (YMap)peer, $"{path}.{peersKey}[{k}]")))),
            ("protocols", Tree.Field(rule, "ports") is YSeq ports ? ProtocolConverter.Protocols(node, ports, $"{path}.ports", ipPeer) : null));
    }

    private static YMap Peer(Node node, YMap peer, string path)
    {
        Refusal.UnknownFields(node, peer, path, ["namespaces", "pods", .. IPPeerFields]);
        foreach (var field in IPPeerFields)
        {
            if (Tree.Field(peer, field) is { } value) return Tree.Map((field, value));
        }
        return AdminPolicyConverter.Selection(node, peer, path);
    }

    private static string? IPPeer(YSeq peers, string path)
    {
        for (int k = 0; k < peers.Items.Count; k++)
        {
            if (IPPeerFields.FirstOrDefault(f => Tree.Field((YMap)peers.Items[k], f) is not null) is { } field) return $"{path}[{k}].{field}";
        }
        return null;
    }
}
