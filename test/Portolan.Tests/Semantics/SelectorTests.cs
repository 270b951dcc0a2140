using static Portolan.Tests.Semantics.Manifest;

namespace Portolan.Tests.Semantics;

/// <summary>Label selector matching and the implicit namespace name label (semantics §2, §1.1, §6.12; §7 cases 12-13).</summary>
public sealed class SelectorTests
{
    private const string Target = "ns1/a[Pod]";

    private static string IngressTo(string cluster, string from) => Docs(cluster, $$$"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: x, namespace: ns1}
        spec:
          podSelector: {matchLabels: {app: a}}
          ingress:
          - from:
        {{{from}}}
        """);

    private static string[] SourcesOf(string yaml) =>
        [.. Into(List(yaml), Target).Select(l => l[..l.IndexOf(" => ", StringComparison.Ordinal)])];

    // §7.12 kubernetes.io/metadata.name selects namespace prod although its manifest has no labels — K8S-DOC; K8S-E2E "…using default ns label"
    [Fact]
    public void Namespace_name_label_is_implicit_on_a_defined_namespace()
    {
        var cluster = Docs(
            Namespace("ns1"),
            """
            apiVersion: v1
            kind: Namespace
            metadata: {name: prod}
            """,
            Namespace("dev"),
            Pod("ns1", "a", "app: a"),
            Pod("prod", "p", "app: p"),
            Pod("dev", "d", "app: p"));
        var yaml = IngressTo(cluster, "    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: prod}}");
        Assert.Equal(["prod/p[Pod]"], SourcesOf(yaml));
    }

    // §1.1 the control plane owns kubernetes.io/metadata.name: a manifest cannot give a namespace another name label — K8S-DOC
    [Fact]
    public void Namespace_name_label_cannot_be_overridden()
    {
        var cluster = Docs(
            Namespace("ns1"),
            Namespace("prod", "kubernetes.io/metadata.name: dev"),
            Pod("ns1", "a", "app: a"),
            Pod("prod", "p", "app: p"));
        Assert.Equal(["prod/p[Pod]"], SourcesOf(IngressTo(cluster, "    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: prod}}")));
        Assert.Empty(SourcesOf(IngressTo(cluster, "    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: dev}}")));
    }

    // §6.12 a namespace referenced but not defined exists with only its name label — NPG NamespaceFromCoreObject; conformance README
    [Fact]
    public void Namespace_name_label_is_implicit_on_an_undefined_namespace()
    {
        var cluster = Docs(
            Pod("ns1", "a", "app: a"),
            Pod("staging", "s", "app: s"),
            Pod("qa", "q", "app: s"));
        var yaml = IngressTo(cluster, "    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: staging}}");
        Assert.Equal(["staging/s[Pod]"], SourcesOf(yaml));
    }

    private static readonly string Tiers = Docs(
        Namespace("ns1"),
        Namespace("ns2"),
        Pod("ns1", "a", "app: a"),
        Pod("ns1", "plain", "app: plain"),
        Pod("ns1", "front", "app: front, tier: x"),
        Pod("ns1", "back", "app: back, tier: y"),
        Pod("ns2", "other", "app: other"));

    // §7.13 NotIn [x] matches pods that lack the key entirely — K8S-LABELS Requirement.Matches
    [Fact]
    public void NotIn_matches_objects_without_the_key()
    {
        var yaml = IngressTo(Tiers, """
                - podSelector:
                    matchExpressions: [{key: tier, operator: NotIn, values: [x]}]
            """);
        Assert.Equal(["ns1/back[Pod]", "ns1/plain[Pod]"], SourcesOf(yaml));
    }

    // §7.13 DoesNotExist matches exactly the pods without the key — K8S-LABELS
    [Fact]
    public void DoesNotExist_matches_only_objects_without_the_key()
    {
        var yaml = IngressTo(Tiers, """
                - podSelector:
                    matchExpressions: [{key: tier, operator: DoesNotExist}]
            """);
        Assert.Equal(["ns1/plain[Pod]"], SourcesOf(yaml));
    }

    // §7.13 NotIn on kubernetes.io/metadata.name means "every other namespace" — K8S-E2E
    [Fact]
    public void NotIn_on_the_namespace_name_means_every_other_namespace()
    {
        var yaml = IngressTo(Tiers, """
                - namespaceSelector:
                    matchExpressions: [{key: kubernetes.io/metadata.name, operator: NotIn, values: [ns1]}]
            """);
        Assert.Equal(["ns2/other[Pod]"], SourcesOf(yaml));
    }

    // §2 In and Exists together are ANDed with matchLabels — K8S-LABELS
    [Fact]
    public void MatchLabels_and_matchExpressions_are_ANDed()
    {
        var yaml = IngressTo(Tiers, """
                - podSelector:
                    matchLabels: {tier: y}
                    matchExpressions: [{key: app, operator: In, values: [back, front]}, {key: tier, operator: Exists}]
            """);
        Assert.Equal(["ns1/back[Pod]"], SourcesOf(yaml));
    }
}
