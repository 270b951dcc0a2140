using static Portolan.Tests.Semantics.Manifest;

namespace Portolan.Tests.Semantics;

/// <summary>Named ports resolve on the destination pod (semantics §3.7; §7 cases 26-30).</summary>
public sealed class NamedPortTests
{
    // §7.26 named port serve-81-tcp in an ingress rule: only that container port, per selected pod — K8S-E2E "should allow ingress access on one named port"
    [Fact]
    public void Ingress_named_port_resolves_on_each_selected_pod()
    {
        var yaml = Docs(
            Namespace("ns1"),
            Pod("ns1", "a", "app: server", "serve-80-tcp=80,serve-81-tcp=81"),
            Pod("ns1", "c", "app: server", "serve-81-tcp=9081"),
            Pod("ns1", "b", "app: client"),
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: x, namespace: ns1}
            spec:
              podSelector: {matchLabels: {app: server}}
              ingress:
              - ports: [{port: serve-81-tcp}]
            """);
        AssertLines(List(yaml, "external"),
            $"{World} => ns1/a[Pod] : TCP 81",
            $"{World} => ns1/b[Pod] : {All}",
            $"{World} => ns1/c[Pod] : TCP 9081",
            $"ns1/a[Pod] => {World} : {All}",
            "ns1/a[Pod] => ns1/b[Pod] : All Connections",
            "ns1/a[Pod] => ns1/c[Pod] : TCP 9081",
            $"ns1/b[Pod] => {World} : {All}",
            "ns1/b[Pod] => ns1/a[Pod] : TCP 81",
            "ns1/b[Pod] => ns1/c[Pod] : TCP 9081",
            $"ns1/c[Pod] => {World} : {All}",
            "ns1/c[Pod] => ns1/a[Pod] : TCP 81",
            "ns1/c[Pod] => ns1/b[Pod] : All Connections");
        AssertEvalDenied(yaml, "ns1/b", "ns1/a", "80");
    }

    // §7.27 egress named port without to: resolves per destination pod, never on an external address (np-guard aborts, §6.7) — K8S-E2E
    [Theory]
    [InlineData("all")]
    [InlineData("external")]
    public void Egress_named_port_without_peers_resolves_per_destination(string scope)
    {
        var yaml = Docs(
            Namespace("ns1"),
            Pod("ns1", "a", "app: a"),
            Pod("ns1", "b", "app: b", "serve-80-tcp=80,serve-81-tcp=81"),
            Pod("ns1", "c", "app: c", "80"),
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: x, namespace: ns1}
            spec:
              podSelector: {matchLabels: {app: a}}
              policyTypes: [Egress]
              egress:
              - ports: [{port: serve-80-tcp}]
            """);
        AssertLines(From(List(yaml, scope), "ns1/a[Pod]"), "ns1/a[Pod] => ns1/b[Pod] : TCP 80");
        AssertEvalDenied(yaml, "ns1/a", "ns1/b", "81", scope: scope);
        AssertEvalDenied(yaml, "ns1/a", "203.0.113.1", "80", scope: scope);
    }

    // §7.28 named port with the wrong protocol (rule UDP, container port SCTP): no match, the pod stays isolated — corpus netpol_named_port_test
    [Theory]
    [InlineData("SCTP", new string[0])]
    [InlineData("UDP", new[] { "0.0.0.0-255.255.255.255[External] => ns1/a[Pod] : UDP 53", "ns1/b[Pod] => ns1/a[Pod] : UDP 53" })]
    public void Named_port_matches_only_with_the_container_port_protocol(string containerProtocol, string[] expected)
    {
        AssertLines(Into(List(NamedDns(containerProtocol, "{protocol: UDP, port: dns}")), "ns1/a[Pod]"), expected);
    }

    // §3.7 a rule without protocol means TCP, so it does not match a UDP container port of that name — K8S-DEFAULTS; K8S-TYPES
    [Fact]
    public void Named_port_without_protocol_matches_only_a_TCP_container_port()
    {
        Assert.Empty(Into(List(NamedDns("UDP", "{port: dns}")), "ns1/a[Pod]"));
    }

    private static string NamedDns(string containerProtocol, string port) => Docs(
        Namespace("ns1"),
        Pod("ns1", "a", "app: a", $"dns=53/{containerProtocol}"),
        Pod("ns1", "b", "app: b"),
        $$$"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: x, namespace: ns1}
        spec:
          podSelector: {matchLabels: {app: a}}
          ingress:
          - ports: [{{{port}}}]
        """);

    // §7.29 several named ports, some unresolvable or of another protocol: only the resolvable ones count — corpus case (SCTP 8956,9090)
    [Fact]
    public void Only_resolvable_named_ports_count()
    {
        var yaml = Docs(
            Namespace("helloworld"),
            Pod("helloworld", "new-pod", "app: new", "x=8956/SCTP,y=9090/SCTP,z=7000/TCP"),
            Pod("helloworld", "pod-a", "app: a"),
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: x, namespace: helloworld}
            spec:
              podSelector: {matchLabels: {app: new}}
              ingress:
              - from: [{podSelector: {matchLabels: {app: a}}}]
                ports:
                - {protocol: SCTP, port: x}
                - {protocol: SCTP, port: y}
                - {protocol: SCTP, port: z}
                - {protocol: SCTP, port: missing}
            """);
        AssertLines(Into(List(yaml), "helloworld/new-pod[Pod]"), "helloworld/pod-a[Pod] => helloworld/new-pod[Pod] : SCTP 8956,9090");
    }

    // §7.30 named port with an ipBlock peer: never matches an external address (np-guard: fatal, Portolan: accepted) — K8S-TYPES; conformance README
    [Fact]
    public void Named_port_toward_an_ipBlock_matches_no_external_address()
    {
        var yaml = Docs(
            Namespace("ns1"),
            Pod("ns1", "a", "app: a"),
            Pod("ns1", "b", "app: b", "http=8080", "10.0.0.2"),
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: x, namespace: ns1}
            spec:
              podSelector: {matchLabels: {app: a}}
              policyTypes: [Egress]
              egress:
              - to: [{ipBlock: {cidr: 0.0.0.0/0}}]
                ports: [{port: http}]
            """);
        Assert.Empty(From(List(yaml, "external"), "ns1/a[Pod]"));
        AssertEvalDenied(yaml, "ns1/a", "203.0.113.1", "8080", scope: "external");
    }

    // §7.30 / conformance README: with scope all the ipBlock covers the pod's IP, so the name resolves on that pod
    // (10.0.0.0/8 does not surely hold ns1/c, whose IP is unknown; a block covering all of IPv4 would)
    [Fact]
    public void Named_port_toward_an_ipBlock_resolves_on_pods_with_a_covered_IP()
    {
        var yaml = Docs(
            Namespace("ns1"),
            Pod("ns1", "a", "app: a"),
            Pod("ns1", "b", "app: b", "http=8080", "10.0.0.2"),
            Pod("ns1", "c", "app: c", "http=8080"),
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: x, namespace: ns1}
            spec:
              podSelector: {matchLabels: {app: a}}
              policyTypes: [Egress]
              egress:
              - to: [{ipBlock: {cidr: 10.0.0.0/8}}]
                ports: [{port: http}]
            """);
        AssertLines(From(List(yaml, "all"), "ns1/a[Pod]"), "ns1/a[Pod] => ns1/b[Pod] : TCP 8080");
    }

    // §3.7 names are unique per container only; the first container port with the name counts (np-guard, container order)
    [Fact]
    public void Duplicate_port_names_resolve_to_the_first_container_port()
    {
        var yaml = Docs(
            Namespace("ns1"),
            Pod("ns1", "b", "app: b"),
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: a, namespace: ns1, labels: {app: a}}
            spec:
              containers:
              - {name: one, image: x, ports: [{containerPort: 8080, name: web}]}
              - {name: two, image: x, ports: [{containerPort: 9090, name: web}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: x, namespace: ns1}
            spec:
              podSelector: {matchLabels: {app: a}}
              ingress:
              - ports: [{port: web}]
            """);
        AssertLines(PodToPod(Into(List(yaml), "ns1/a[Pod]")), "ns1/b[Pod] => ns1/a[Pod] : TCP 8080");
    }
}
