using static Portolan.Tests.Semantics.Manifest;

namespace Portolan.Tests.Semantics;

/// <summary>
/// ClusterNetworkPolicy (policy.networking.k8s.io/v1alpha2): tiers, priorities, Baseline Pass,
/// protocols, IPv6 networks (semantics §5; §7 cases 60, 65; the rejected shapes 61-62 are in
/// ValidationTests). Not tested: 63 (hairpin through a Service IP: no Services are modelled and
/// self traffic is never reported) and 64 (ICMP admitted by Accept / matched by networks: ICMP is
/// outside the TCP/UDP/SCTP universe).
/// </summary>
public sealed class ClusterNetworkPolicyTests
{
    private const string P = "ns1/p[Pod]";
    private const string Q = "ns2/q[Pod]";
    private const string R = "ns3/r[Pod]";

    private static readonly string Cluster = Docs(
        Namespace("ns1"),
        Namespace("ns2"),
        Namespace("ns3"),
        Pod("ns1", "p", "app: p", "80"),
        Pod("ns2", "q", "app: q"),
        Pod("ns3", "r", "app: r"));

    /// <summary>A CNP whose subject is namespace ns1; rules at two-space indent, with the ingress:/egress: key.</summary>
    private static string Cnp(string name, string tier, int priority, string rules) => $$$"""
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata: {name: {{{name}}}}
        spec:
          tier: {{{tier}}}
          priority: {{{priority}}}
          subject:
            namespaces: {matchLabels: {kubernetes.io/metadata.name: ns1}}
        {{{rules}}}
        """;

    private static string IngressFrom(string action, string ns = "ns2") => $$"""
          ingress:
          - name: {{action.ToLowerInvariant()}}-{{ns}}
            action: {{action}}
            from:
            - namespaces:
                matchLabels:
                  kubernetes.io/metadata.name: {{ns}}
        """;

    private static IEnumerable<string> SourcesInto(string yaml, string target) =>
        Into(List(yaml), target).Select(l => l[..l.IndexOf(" => ", StringComparison.Ordinal)]);

    // §7.65 several Baseline CNPs are evaluated by priority, whatever their order in the input — NPEP-285; NPAPI-BLOG
    [Theory]
    [InlineData(10, 20, true)]
    [InlineData(20, 10, false)]
    public void Baseline_policies_are_ordered_by_priority(int acceptPriority, int denyPriority, bool allowed)
    {
        var yaml = Docs(Cluster,
            Cnp("baseline-deny", "Baseline", denyPriority, IngressFrom("Deny")),
            Cnp("baseline-accept", "Baseline", acceptPriority, IngressFrom("Accept")));
        Assert.Equal(allowed, SourcesInto(yaml, P).Contains(Q));
        Assert.Contains(R, SourcesInto(yaml, P));
    }

    // §7.60 a Baseline Pass skips the remaining Baseline CNPs: the passed traffic is allowed by default — NPAPI-A2 Pass doc; NPAPI-BLOG
    [Fact]
    public void Baseline_Pass_skips_the_rest_of_the_Baseline_tier()
    {
        var yaml = Docs(Cluster,
            Cnp("baseline-pass", "Baseline", 10, IngressFrom("Pass")),
            Cnp("baseline-deny-all", "Baseline", 20, """
                  ingress:
                  - {name: deny-all, action: Deny, from: [{namespaces: {}}]}
                """));
        AssertLines(Into(List(yaml), P), $"{World} => {P} : {All}", $"{Q} => {P} : {All}");
    }

    // §5.2 an Admin Pass hands the traffic to the NetworkPolicy tier; an Admin Accept is final for that side — NPAPI-A2
    [Fact]
    public void Admin_Pass_goes_to_NetworkPolicy_and_Accept_overrides_it()
    {
        var yaml = Docs(Cluster,
            Cnp("admin-pass", "Admin", 10, IngressFrom("Pass")),
            Cnp("admin-accept", "Admin", 20, IngressFrom("Accept", "ns3")),
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny-all, namespace: ns1}
            spec:
              podSelector: {}
              policyTypes: [Ingress]
            """);
        AssertLines(Into(List(yaml), P), $"{R} => {P} : {All}");
    }

    // §5.2 Accept: "no further egress ClusterNetworkPolicy or NetworkPolicy rules … but any ingress rules at the destination do apply" — NPAPI-A2
    [Fact]
    public void Admin_egress_Accept_does_not_bypass_ingress_at_the_destination()
    {
        var yaml = Docs(Cluster,
            Cnp("admin-out", "Admin", 10, """
                  egress:
                  - {name: accept-ns2, action: Accept, to: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: ns2}}}]}
                """),
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: closed, namespace: ns2}
            spec:
              podSelector: {}
              policyTypes: [Ingress]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: p-out-closed, namespace: ns1}
            spec:
              podSelector: {}
              policyTypes: [Egress]
            """);
        var lines = List(yaml);
        Assert.Empty(Into(lines, Q));
        // The Accept overrides the source's own egress isolation.
        AssertEvalDenied(yaml, "ns1/p", "ns2/q", "80");
        Assert.Contains($"  egress at {P}: allowed\n", Eval(yaml, "ns1/p", "ns2/q", "80").Stdout, StringComparison.Ordinal);
    }

    // §5.1 protocols: tcp number, udp range; absent protocols would be all traffic — NPAPI-A2
    [Fact]
    public void Protocols_entries_select_ports_per_protocol()
    {
        var yaml = Docs(Cluster, Cnp("admin-deny-some", "Admin", 10, """
              ingress:
              - name: deny-some
                action: Deny
                from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: ns2}}}]
                protocols:
                - tcp: {destinationPort: {number: 80}}
                - udp: {destinationPort: {range: {start: 5000, end: 6000}}}
                - sctp: {destinationPort: {range: {start: 1, end: 65535}}}
            """));
        AssertLines(Into(List(yaml), P).Where(l => l.StartsWith(Q, StringComparison.Ordinal)),
            $"{Q} => {P} : TCP 1-79,81-65535,UDP 1-4999,6001-65535");
    }

    // §5.1 destinationNamedPort resolves on the destination pod and takes its container port's protocol — NPAPI-A2
    [Fact]
    public void DestinationNamedPort_resolves_on_the_destination_pod()
    {
        var yaml = Docs(Cluster,
            Pod("ns2", "web", "app: web", "http=8080"),
            Pod("ns2", "udpweb", "app: web", "http=9000/UDP"),
            Cnp("admin-web", "Admin", 10, """
                  egress:
                  - name: web-http
                    action: Accept
                    to: [{pods: {podSelector: {matchLabels: {app: web}}}}]
                    protocols: [{destinationNamedPort: http}]
                  - {name: deny-rest, action: Deny, to: [{namespaces: {}}]}
                """));
        AssertLines(PodToPod(From(List(yaml), P)),
            $"{P} => ns2/udpweb[Pod] : UDP 9000",
            $"{P} => ns2/web[Pod] : TCP 8080");
    }

    // §5.1 pods.namespaceSelector is optional in v1alpha2: absent means every namespace — NPAPI-A2
    [Fact]
    public void Pods_subject_without_namespaceSelector_spans_all_namespaces()
    {
        var yaml = Docs(Cluster, Pod("ns3", "p", "app: p"), """
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            metadata: {name: isolate-p}
            spec:
              tier: Admin
              priority: 10
              subject: {pods: {podSelector: {matchLabels: {app: p}}}}
              ingress:
              - {name: deny-ns2, action: Deny, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: ns2}}}]}
            """);
        var lines = List(yaml);
        Assert.DoesNotContain(lines, l => l.StartsWith($"{Q} => {P} ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith($"{Q} => ns3/p[Pod] ", StringComparison.Ordinal));
        Assert.Contains($"{R} => {P} : {All}", lines);
    }

    // issue 3 / §5.4: ANPs and Admin-tier CNPs share one priority order (lower first)
    [Theory]
    [InlineData(20, 10, true)]
    [InlineData(10, 20, false)]
    public void ANP_and_Admin_CNP_are_ordered_together_by_priority(int anpPriority, int cnpPriority, bool allowed)
    {
        var yaml = Docs(Cluster, Cnp("admin-accept", "Admin", cnpPriority, IngressFrom("Accept")), $$"""
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: AdminNetworkPolicy
            metadata:
              name: anp-deny
            spec:
              priority: {{anpPriority}}
              subject:
                namespaces: {}
              ingress:
              - name: deny
                action: Deny
                from:
                - namespaces: {}
            """);
        Assert.Equal(allowed, SourcesInto(yaml, P).Contains(Q));
    }

    // issue 3: the BANP is ordered before every Baseline CNP, whatever their priorities
    [Theory]
    [InlineData("Deny", "Accept", false)]
    [InlineData("Allow", "Deny", true)]
    public void BANP_is_evaluated_before_Baseline_CNPs(string banpAction, string cnpAction, bool allowed)
    {
        var yaml = Docs(Cluster, Cnp("baseline-first", "Baseline", 0, IngressFrom(cnpAction)), $$$"""
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: BaselineAdminNetworkPolicy
            metadata: {name: default}
            spec:
              subject:
                namespaces:
                  matchLabels: {kubernetes.io/metadata.name: ns1}
              ingress:
              - name: banp
                action: {{{banpAction}}}
                from:
                - namespaces:
                    matchLabels: {kubernetes.io/metadata.name: ns2}
            """);
        Assert.Equal(allowed, SourcesInto(yaml, P).Contains(Q));
    }

    private const string DenyIPv6Doc = """
          egress:
          - {name: deny-doc, action: Deny, to: [{networks: ["2001:db8::/32"]}]}
        """;

    // §5.1 networks may be IPv6; IPv6 external ranges are printed only because a policy names an IPv6 CIDR — conformance README
    [Theory]
    [InlineData("all")]
    [InlineData("external")]
    public void IPv6_networks_cut_the_IPv6_space(string scope)
    {
        var yaml = Docs(Cluster, Cnp("no-doc", "Admin", 10, DenyIPv6Doc));
        var lines = List(yaml, scope);
        AssertLines(From(lines, P),
            $"{P} => {World} : {All}",
            $"{P} => 2001:db9::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External] : {All}",
            $"{P} => ::-2001:db7:ffff:ffff:ffff:ffff:ffff:ffff[External] : {All}",
            $"{P} => {Q} : {All}",
            $"{P} => {R} : {All}");
        AssertLines(Into(lines, P),
            $"{World} => {P} : {All}",
            $"::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External] => {P} : {All}",
            $"{Q} => {P} : {All}",
            $"{R} => {P} : {All}");
        AssertEvalDenied(yaml, "ns1/p", "2001:db8::1", "443", scope: scope);
        AssertEvalAllowed(yaml, "ns1/p", "2001:db9::1", "443", scope: scope);
    }

    // conformance README: with no IPv6 CIDR anywhere, no IPv6 range is printed
    [Fact]
    public void IPv4_only_input_prints_no_IPv6_range()
    {
        var yaml = Docs(Cluster, Cnp("no-ten", "Admin", 10, """
              egress:
              - {name: deny-ten, action: Deny, to: [{networks: [10.0.0.0/8]}]}
            """));
        Assert.DoesNotContain(List(yaml, "external"), l => l.Contains("::", StringComparison.Ordinal));
    }

    // §5.1 networks match cluster-internal destinations too: an IPv6 pod in the CIDR is denied under scope all only — NPAPI-A2
    [Theory]
    [InlineData("all", false)]
    [InlineData("external", true)]
    public void IPv6_networks_match_IPv6_pods_under_scope_all(string scope, bool allowed)
    {
        var yaml = Docs(
            Namespace("ns1"),
            Pod("ns1", "a", "app: a", "80", "fd00::1"),
            Pod("ns1", "b", "app: b", "80", "fd00::2"),
            Cnp("no-ula", "Admin", 10, """
                  egress:
                  - {name: deny-ula, action: Deny, to: [{networks: ["fd00::/64"]}]}
                """));
        Assert.Equal(allowed, List(yaml, scope).Contains($"ns1/a[Pod] => ns1/b[Pod] : {All}"));
    }
}
