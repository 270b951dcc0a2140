using static Portolan.Tests.Semantics.Manifest;

namespace Portolan.Tests.Semantics;

/// <summary>NetworkPolicy peers: which pods podSelector / namespaceSelector reach (semantics §3.5; §7 cases 8-11).</summary>
public sealed class PeerTests
{
    private const string Target = "ns1/a[Pod]";

    // ns2 and ns3 differ only in their team label; every namespace has an app=b pod.
    private static readonly string Cluster = Docs(
        Namespace("ns1"),
        Namespace("ns2", "team: x"),
        Namespace("ns3", "team: y"),
        Pod("ns1", "a", "app: a", "80"),
        Pod("ns1", "b", "app: b"),
        Pod("ns2", "b", "app: b"),
        Pod("ns2", "c", "app: c"),
        Pod("ns3", "b", "app: b"));

    private static string IngressTo(string from) => Docs(Cluster, $$$"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: x, namespace: ns1}
        spec:
          podSelector: {matchLabels: {app: a}}
          ingress:
          - from:
        {{{from}}}
        """);

    private static string[] SourcesOf(string yaml, string? scope = null) =>
        [.. Into(List(yaml, scope), Target).Select(l => l[..l.IndexOf(" => ", StringComparison.Ordinal)])];

    // §7.8 peer {podSelector: {}}: all pods of the policy's namespace only — K8S-E2E "should deny ingress from pods on other namespaces"
    [Fact]
    public void Empty_podSelector_peer_means_the_policy_namespace_only()
    {
        var yaml = IngressTo("    - podSelector: {}");
        Assert.Equal(["ns1/b[Pod]"], SourcesOf(yaml));
    }

    // §7.9 peer {namespaceSelector: {}}: every pod in every namespace, but not external IPs — K8S-E2E; K8S-TYPES
    [Theory]
    [InlineData("all")]
    [InlineData("external")]
    public void Empty_namespaceSelector_peer_means_every_pod_but_no_external_address(string scope)
    {
        var yaml = IngressTo("    - namespaceSelector: {}");
        Assert.Equal(["ns1/b[Pod]", "ns2/b[Pod]", "ns2/c[Pod]", "ns3/b[Pod]"], SourcesOf(yaml, scope));
        AssertEvalDenied(yaml, "198.51.100.7", "ns1/a", "80", scope: scope);
    }

    // §7.10 both selectors in one element are ANDed: B pods in A namespaces — K8S-DOC; K8S-E2E "…PodSelector and NamespaceSelector"
    [Fact]
    public void Selectors_in_one_peer_are_ANDed()
    {
        var yaml = IngressTo("""
                - namespaceSelector: {matchLabels: {team: x}}
                  podSelector: {matchLabels: {app: b}}
            """);
        Assert.Equal(["ns2/b[Pod]"], SourcesOf(yaml));
    }

    // §7.10 separate elements are ORed, and the podSelector-only one means the policy's namespace — K8S-DOC; K8S-E2E "…PodSelector or NamespaceSelector"
    [Fact]
    public void Selectors_in_separate_peers_are_ORed()
    {
        var yaml = IngressTo("""
                - namespaceSelector: {matchLabels: {team: x}}
                - podSelector: {matchLabels: {app: b}}
            """);
        Assert.Equal(["ns1/b[Pod]", "ns2/b[Pod]", "ns2/c[Pod]"], SourcesOf(yaml));
    }

    // §7.11 egress to {podSelector: {app: b}} in ns1 does not reach app=b pods of other namespaces — K8S-TYPES
    [Fact]
    public void Egress_podSelector_peer_stays_in_the_policy_namespace()
    {
        var yaml = Docs(Cluster, """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: x, namespace: ns1}
            spec:
              podSelector: {matchLabels: {app: a}}
              policyTypes: [Egress]
              egress:
              - to: [{podSelector: {matchLabels: {app: b}}}]
            """);
        AssertLines(From(List(yaml), Target), $"{Target} => ns1/b[Pod] : {All}");
    }
}
