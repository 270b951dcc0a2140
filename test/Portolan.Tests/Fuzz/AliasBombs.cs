using System.Text;

namespace Portolan.Tests.Fuzz;

/// <summary>
/// Billion-laughs inputs: anchors whose aliases multiply. Some explode past the reader's 2,000,000
/// expanded-node bound, some stay under it in shapes the parsers and the analysis must walk.
/// </summary>
public static class AliasBombs
{
    /// <summary>A classic bomb in place of a value: read (labels, ingress, ...) or unread, chosen by the placement.</summary>
    public static readonly Mutation Classic = new("alias-bomb", (text, random) =>
        ShapeMutations.Place(text, random, Chain(random.Next(2, 12), random.Next(2, 12), "lol", random.Next(1000))));

    /// <summary>A bomb under a key nobody reads, right after a top-level kind.</summary>
    public static readonly Mutation Unread = new("alias-bomb-unread", (text, random) =>
    {
        var bomb = Chain(random.Next(2, 12), random.Next(2, 12), "lol", random.Next(1000));
        var kind = text.IndexOf("\nkind:", StringComparison.Ordinal);
        if (kind < 0) return text.Insert(0, $"x-unread: {bomb}\n");
        var end = text.IndexOf('\n', kind + 1);
        return text.Insert(end < 0 ? text.Length : end + 1, $"x-unread: {bomb}\n");
    });

    /// <summary>A whole object whose read fields are aliases multiplied level by level, appended as a new document.</summary>
    public static readonly Mutation Shaped = new("alias-bomb-shaped", (text, random) =>
    {
        int Fan() => random.Next(3) == 0 ? random.Next(100, 1500) : random.Next(1, 60);
        var document = random.Next(5) switch
        {
            0 => NetworkPolicy(Fan(), Fan(), Fan()),
            1 => AdminNetworkPolicy(Fan(), Fan(), Fan()),
            2 => Pod(Fan(), Fan()),
            3 => Labels(Fan(), Fan()),
            _ => Selector(Fan(), Fan()),
        };
        return text + (text.EndsWith('\n') ? "" : "\n") + "---\n" + document;
    });

    /// <summary>[&b0 [leaf × fan], &b1 [*b0 × fan], …]: the last element expands to fan^levels nodes.</summary>
    public static string Chain(int levels, int fan, string leaf, int tag)
    {
        var text = new StringBuilder("[");
        for (int level = 0; level < levels; level++)
        {
            var item = level == 0 ? leaf : $"*b{tag}x{level - 1}";
            text.Append(level == 0 ? "" : ", ").Append($"&b{tag}x{level} [").AppendJoin(", ", Enumerable.Repeat(item, fan)).Append(']');
        }
        return text.Append(']').ToString();
    }

    private static string Aliases(string name, int count) => Items(count, _ => "*" + name, "[", "]");

    private static string Items(int count, Func<int, string> item, string open, string close) =>
        open + string.Join(", ", Enumerable.Range(0, count).Select(item)) + close;

    private static string NetworkPolicy(int rules, int peers, int ports) => $$$"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        x-defs:
          - &peer {podSelector: {matchLabels: {app: a}}, namespaceSelector: {matchExpressions: [{key: k, operator: In, values: [a, b]}]}}
          - &port {protocol: TCP, port: 80, endPort: 90}
          - &rule {from: {{{Aliases("peer", peers)}}}, to: {{{Aliases("peer", peers)}}}, ports: {{{Aliases("port", ports)}}}}
        metadata: {name: bomb-np, namespace: default}
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
          ingress: {{{Aliases("rule", rules)}}}
          egress: {{{Aliases("rule", rules)}}}

        """;

    private static string AdminNetworkPolicy(int rules, int peers, int ports) => $$$"""
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        x-defs:
          - &peer {pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: a} } } }
          - &port {portRange: {protocol: TCP, start: 80, end: 90}}
          - &rule {action: Deny, from: {{{Aliases("peer", peers)}}}, to: {{{Aliases("peer", peers)}}}, ports: {{{Aliases("port", ports)}}}}
        metadata: {name: bomb-anp}
        spec:
          priority: 5
          subject: {namespaces: {}}
          ingress: {{{Aliases("rule", rules)}}}
          egress: {{{Aliases("rule", rules)}}}

        """;

    private static string Pod(int containers, int ports) => $$$"""
        apiVersion: v1
        kind: Pod
        x-defs:
          - &port {containerPort: 8080, protocol: TCP, name: http}
          - &container {name: c, ports: {{{Aliases("port", ports)}}}}
        metadata: {name: bomb-pod, namespace: default, labels: {app: a}}
        spec:
          containers: {{{Aliases("container", containers)}}}
        status:
          podIPs: [{ip: 10.0.0.1}]

        """;

    // Merge keys: each alias brings every key of the merged map again, so width multiplies.
    private static string Labels(int keys, int merges) => $$$"""
        apiVersion: v1
        kind: Namespace
        x-defs:
          - &labels {{{Items(keys, i => $"app{i}: x", "{", "}")}}}
        metadata:
          name: bomb-ns
          labels:
            <<: {{{Aliases("labels", merges)}}}

        """;

    private static string Selector(int expressions, int values) => $$$"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        x-defs:
          - &values {{{Items(values, i => $"v{i}", "[", "]")}}}
          - &expression {key: app, operator: In, values: *values}
        metadata: {name: bomb-selector, namespace: default}
        spec:
          podSelector: {matchExpressions: {{{Aliases("expression", expressions)}}}}

        """;
}
