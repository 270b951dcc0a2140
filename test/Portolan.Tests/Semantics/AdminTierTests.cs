using static Portolan.Tests.Semantics.Manifest;

namespace Portolan.Tests.Semantics;

/// <summary>AdminNetworkPolicy: first match, priorities, Pass, networks, namedPort, nodes (semantics §4; §7 cases 39-40, 43-52, 58).</summary>
public sealed class AdminTierTests
{
    private const string P = "ns1/p[Pod]";
    private const string Q = "ns2/q[Pod]";
    private const string R = "ns3/r[Pod]";

    private static readonly string Cluster = Docs(
        Namespace("ns1"),
        Namespace("ns2"),
        Namespace("ns3"),
        Pod("ns1", "p", "app: p", "80,81,80/UDP,81/UDP,8080"),
        Pod("ns2", "q", "app: q"),
        Pod("ns3", "r", "app: r"));

    private const string DenyAllIngressInNs1 = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-all, namespace: ns1}
        spec:
          podSelector: {}
          policyTypes: [Ingress]
        """;

    /// <summary>An ANP whose subject is namespace ns1 with the given rules (YAML at two-space indent, including the ingress:/egress: key).</summary>
    private static string Anp(string name, int priority, string rules) => $$$"""
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata: {name: {{{name}}}}
        spec:
          priority: {{{priority}}}
          subject:
            namespaces: {matchLabels: {kubernetes.io/metadata.name: ns1}}
        {{{rules}}}
        """;

    // §7.39 ANP Allow TCP 80 from ns2 plus an NP allowing only UDP 80: TCP 80,UDP 80 — corpus case; NPAPI-A1 Allow doc
    // §7.40 what the ANP Passes (UDP 80, UDP 81, TCP 81) and what it does not match (TCP 8080) is decided by the NP — eval_test.go TestDirPathEvalResults
    [Fact]
    public void Allow_and_Pass_combine_with_the_NetworkPolicy_tier()
    {
        var yaml = Docs(Cluster, Anp("anp", 10, """
              ingress:
              - name: allow-tcp-80
                action: Allow
                from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: ns2}}}]
                ports: [{portNumber: {protocol: TCP, port: 80}}]
              - name: pass-80-81
                action: Pass
                from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: ns2}}}]
                ports:
                - portNumber: {protocol: UDP, port: 80}
                - portNumber: {protocol: UDP, port: 81}
                - portNumber: {protocol: TCP, port: 81}
            """), """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: udp-80, namespace: ns1}
            spec:
              podSelector: {}
              ingress:
              - from: [{namespaceSelector: {}}]
                ports: [{protocol: UDP, port: 80}]
            """);
        var lines = Into(List(yaml), P).ToList();
        AssertLines(lines, $"{Q} => {P} : TCP 80,UDP 80", $"{R} => {P} : UDP 80");
        AssertEvalAllowed(yaml, "ns2/q", "ns1/p", "80", "TCP");
        AssertEvalAllowed(yaml, "ns2/q", "ns1/p", "80", "UDP");
        AssertEvalDenied(yaml, "ns2/q", "ns1/p", "81", "TCP");
        AssertEvalDenied(yaml, "ns2/q", "ns1/p", "81", "UDP");
        AssertEvalDenied(yaml, "ns2/q", "ns1/p", "8080", "TCP");
    }

    // §7.43 Allow, Deny, Pass for the same peer: the first matching rule wins — NPAPI-CONF standard-gress-rules-combined; NPAPI-A1 rule precedence
    [Theory]
    [InlineData("Allow", "Deny", "Pass", true)]
    [InlineData("Deny", "Allow", "Pass", false)]
    [InlineData("Pass", "Allow", "Deny", false)]
    public void First_matching_rule_wins_within_a_policy(string first, string second, string third, bool allowed)
    {
        string Rule(string action) => $$"""
              - name: {{action.ToLowerInvariant()}}
                action: {{action}}
                from:
                - namespaces: {}
            """;
        var yaml = Docs(Cluster, DenyAllIngressInNs1,
            Anp("ordered", 10, "  ingress:\n" + Rule(first) + "\n" + Rule(second) + "\n" + Rule(third)));
        // Pass hands the traffic to the deny-all NetworkPolicy, so only a leading Allow lets it in.
        AssertLines(Into(List(yaml), P), allowed ? [$"{Q} => {P} : {All}", $"{R} => {P} : {All}"] : []);
    }

    // §7.44 priority 50 Deny beats priority 60 Pass; swapped, the Pass reaches default allow (or the BANP) — NPAPI-A1; corpus anp_test_4(_with_priority_chang_pass_to_banp)
    [Theory]
    [InlineData(50, 60, false, false)]
    [InlineData(60, 50, false, true)]
    [InlineData(60, 50, true, false)]
    public void Lower_priority_number_is_evaluated_first(int denyPriority, int passPriority, bool banpDeny, bool allowed)
    {
        var banp = banpDeny ? """
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: BaselineAdminNetworkPolicy
            metadata: {name: default}
            spec:
              subject: {namespaces: {}}
              ingress:
              - {name: deny-ns2, action: Deny, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: ns2}}}]}
            """ : "";
        var yaml = Docs(Cluster, banp,
            Anp("deny", denyPriority, """
                  ingress:
                  - {name: deny-ns2, action: Deny, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: ns2}}}]}
                """),
            Anp("pass", passPriority, """
                  ingress:
                  - {name: pass-ns2, action: Pass, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: ns2}}}]}
                """));
        AssertLines(Into(List(yaml), P).Where(l => l.StartsWith(Q, StringComparison.Ordinal)), allowed ? [$"{Q} => {P} : {All}"] : []);
    }

    // §7.46 an ANP with only ingress rules does not affect egress, and has no implicit deny — NPAPI-A1; NPAPI-OV1 "read as-is"
    [Fact]
    public void Ingress_only_ANP_leaves_egress_and_unmatched_traffic_alone()
    {
        var yaml = Docs(Cluster, Anp("anp", 10, """
              ingress:
              - {name: deny-ns2, action: Deny, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: ns2}}}]}
            """));
        var lines = List(yaml);
        Assert.DoesNotContain(lines, l => l.StartsWith($"{Q} => {P}", StringComparison.Ordinal));
        Assert.Contains($"{P} => {Q} : {All}", lines);
        Assert.Contains($"{R} => {P} : {All}", lines);
        Assert.Contains($"{World} => {P} : {All}", lines);
    }

    // §7.47 ANP Deny from namespaces {}: in-cluster sources denied, external clients still allowed — corpus anp_test_1_deny_traffic_at_cluster_level
    [Theory]
    [InlineData("all")]
    [InlineData("external")]
    public void Ingress_peers_never_match_external_sources(string scope)
    {
        var yaml = Docs(
            Namespace("sensitive-ns"),
            Pod("sensitive-ns", "sensitive", "app: s"),
            Pod("ns2", "q", "app: q"),
            """
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: AdminNetworkPolicy
            metadata: {name: cluster-deny}
            spec:
              priority: 1
              subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: sensitive-ns}}}
              ingress:
              - {name: deny-all-pods, action: Deny, from: [{namespaces: {}}]}
            """);
        AssertLines(Into(List(yaml, scope), "sensitive-ns/sensitive[Pod]"), $"{World} => sensitive-ns/sensitive[Pod] : {All}");
    }

    private static readonly string AddressedPods = Docs(
        Namespace("ns1"),
        Namespace("ns2"),
        Pod("ns1", "a", "app: a", "80", "10.0.0.1"),
        Pod("ns2", "b", "app: b", "80", "10.0.0.2"));

    private const string DenyEverywhere = """
          egress:
          - {name: deny-world, action: Deny, to: [{networks: [0.0.0.0/0]}]}
        """;

    // §7.48 ANP egress Deny to networks 0.0.0.0/0 also denies IPv4 pod-to-pod traffic of the subject (scope all) — NPAPI-A1 Networks doc
    [Fact]
    public void Networks_all_IPv4_denies_pod_traffic_under_scope_all()
    {
        var yaml = Docs(AddressedPods, Anp("deny-world", 10, DenyEverywhere));
        var lines = List(yaml, "all");
        Assert.Empty(From(lines, "ns1/a[Pod]"));
        Assert.Contains($"ns2/b[Pod] => ns1/a[Pod] : {All}", lines);
        AssertEvalDenied(yaml, "ns1/a", "ns2/b", "80", scope: "all");
    }

    // §7.48 networks [0.0.0.0/0, ::/0] covers every pod address, known or not: pods without podIPs are denied too — NPAPI-A1 Networks doc
    [Fact]
    public void Networks_whole_space_denies_pods_whose_IP_is_unknown()
    {
        var yaml = Docs(Cluster, Anp("deny-world", 10, """
              egress:
              - {name: deny-world, action: Deny, to: [{networks: [0.0.0.0/0, "::/0"]}]}
            """));
        Assert.Empty(From(List(yaml, "all"), P));
        AssertEvalDenied(yaml, "ns1/p", "ns2/q", "80", scope: "all");
    }

    // §7.48 np-guard applies networks to external ranges only (--ipblock-scope external) — §6.2
    [Fact]
    public void Networks_all_IPv4_spares_pods_under_scope_external()
    {
        var yaml = Docs(AddressedPods, Anp("deny-world", 10, DenyEverywhere));
        AssertLines(From(List(yaml, "external"), "ns1/a[Pod]"), $"ns1/a[Pod] => ns2/b[Pod] : {All}");
    }

    // §7.48 a prior Pass to namespaces {} keeps pod traffic while the networks Deny still stops external traffic — NPAPI-A1
    [Theory]
    [InlineData("all")]
    [InlineData("external")]
    public void Prior_Pass_to_all_namespaces_keeps_pod_traffic(string scope)
    {
        var yaml = Docs(AddressedPods, Anp("deny-world", 10, """
              egress:
              - {name: pods-first, action: Pass, to: [{namespaces: {}}]}
              - {name: deny-world, action: Deny, to: [{networks: [0.0.0.0/0]}]}
            """));
        AssertLines(From(List(yaml, scope), "ns1/a[Pod]"), $"ns1/a[Pod] => ns2/b[Pod] : {All}");
        AssertEvalDenied(yaml, "ns1/a", "198.51.100.1", "443", scope: scope);
    }

    // §7.49 Allow UDP 5000-6000 and TCP 8080 to 104.154.164.170/32, then Deny it: exactly that /32 is restricted — corpus anp_test_named_ports_multiple_peers
    [Theory]
    [InlineData("all")]
    [InlineData("external")]
    public void Networks_slash_32_is_cut_out_of_the_external_space(string scope)
    {
        var yaml = Docs(Cluster, Anp("one-host", 10, """
              egress:
              - name: allow-some
                action: Allow
                to: [{networks: [104.154.164.170/32]}]
                ports:
                - portRange: {protocol: UDP, start: 5000, end: 6000}
                - portNumber: {protocol: TCP, port: 8080}
              - {name: deny-rest, action: Deny, to: [{networks: [104.154.164.170/32]}]}
            """));
        AssertLines(From(List(yaml, scope), P),
            $"{P} => 0.0.0.0-104.154.164.169[External] : {All}",
            $"{P} => 104.154.164.170-104.154.164.170[External] : TCP 8080,UDP 5000-6000",
            $"{P} => 104.154.164.171-255.255.255.255[External] : {All}",
            $"{P} => {Q} : {All}",
            $"{P} => {R} : {All}");
    }

    private static readonly string DnsCluster = Docs(
        Namespace("ns1"),
        Namespace("ns2"),
        Pod("ns1", "a", "app: a"),
        Pod("ns2", "dns", "app: dns", "dns=80/UDP,http=8080"),
        Pod("ns2", "other", "app: other", "dns=53/UDP"));

    // §7.50 ANP namedPort dns on a container port 80/UDP allows UDP 80: the protocol comes from the container — NPAPI-A1 (no protocol field)
    [Fact]
    public void NamedPort_takes_the_protocol_of_the_container_port()
    {
        var yaml = Docs(DnsCluster, """
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: AdminNetworkPolicy
            metadata: {name: dns-only}
            spec:
              priority: 5
              subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: ns1}}}
              egress:
              - name: allow-dns
                action: Allow
                to: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: dns}}}}]
                ports: [{namedPort: dns}]
              - {name: deny-ns2, action: Deny, to: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: ns2}}}]}
            """);
        AssertLines(PodToPod(From(List(yaml), "ns1/a[Pod]")), "ns1/a[Pod] => ns2/dns[Pod] : UDP 80");
    }

    // §4.4 in an ingress rule namedPort resolves on the subject pod, the destination of the connection — NPAPI-A1
    [Fact]
    public void Ingress_namedPort_resolves_on_the_subject_pod()
    {
        var yaml = Docs(DnsCluster, """
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: AdminNetworkPolicy
            metadata: {name: dns-in}
            spec:
              priority: 5
              subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: ns2}}}
              ingress:
              - {name: allow-dns, action: Allow, from: [{namespaces: {}}], ports: [{namedPort: dns}]}
              - {name: deny-rest, action: Deny, from: [{namespaces: {}}]}
            """);
        var lines = PodToPod(List(yaml)).ToList();
        AssertLines(Into(lines, "ns2/dns[Pod]"), "ns1/a[Pod] => ns2/dns[Pod] : UDP 80", "ns2/other[Pod] => ns2/dns[Pod] : UDP 80");
        AssertLines(Into(lines, "ns2/other[Pod]"), "ns1/a[Pod] => ns2/other[Pod] : UDP 53", "ns2/dns[Pod] => ns2/other[Pod] : UDP 53");
    }

    // §7.51 v1alpha1 namedPort beside a networks peer: np-guard (and Portolan) accept it, resolve it on pods and match no address — NPAPI-A1; corpus.
    // With scope all, networks 0.0.0.0/0 also covers every IPv4 pod (§4.3), so the name resolves on ns2/other too.
    [Theory]
    [InlineData("all", new[] { "ns1/a[Pod] => ns2/dns[Pod] : UDP 80", "ns1/a[Pod] => ns2/other[Pod] : UDP 53" })]
    [InlineData("external", new[] { "ns1/a[Pod] => ns2/dns[Pod] : UDP 80" })]
    public void NamedPort_beside_networks_applies_to_pods_only(string scope, string[] expected)
    {
        var yaml = Docs(DnsCluster, """
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: AdminNetworkPolicy
            metadata: {name: dns-only}
            spec:
              priority: 5
              subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: ns1}}}
              egress:
              - name: allow-dns
                action: Allow
                to:
                - pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: dns}}}
                - networks: [0.0.0.0/0]
                ports: [{namedPort: dns}]
              - name: deny-rest
                action: Deny
                to: [{namespaces: {}}, {networks: [0.0.0.0/0]}]
            """);
        AssertLines(From(List(yaml, scope), "ns1/a[Pod]"), expected);
    }

    // §7.52 nodes peer: Kubernetes matches the nodes' IPs (here from a Node object), so only that address is denied — NPAPI-A1
    [Fact]
    public void Nodes_peer_matches_node_addresses()
    {
        var yaml = Docs(Cluster, """
            apiVersion: v1
            kind: Node
            metadata: {name: n1, labels: {role: worker}}
            status:
              addresses:
              - {type: InternalIP, address: 192.168.1.10}
              - {type: Hostname, address: n1}
            """, Anp("no-nodes", 10, """
              egress:
              - {name: deny-nodes, action: Deny, to: [{nodes: {matchLabels: {role: worker}}}]}
            """));
        AssertLines(From(List(yaml, "external"), P).Where(l => l.Contains("[External]", StringComparison.Ordinal)),
            $"{P} => 0.0.0.0-192.168.1.9[External] : {All}",
            $"{P} => 192.168.1.11-255.255.255.255[External] : {All}");
    }

    // §7.52 without Node objects a nodes peer matches nothing (np-guard's behaviour), with a warning
    [Fact]
    public void Nodes_peer_without_Node_objects_matches_nothing_and_warns()
    {
        var yaml = Docs(Cluster, Anp("no-nodes", 10, """
              egress:
              - {name: deny-nodes, action: Deny, to: [{nodes: {}}]}
            """));
        var result = Support.CliRunner.RunWithStdin(yaml, "list", "-");
        Assert.Equal(0, result.Exit);
        Assert.Contains($"{P} => {World} : {All}\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("warning:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("nodes", result.Stderr, StringComparison.Ordinal);
    }

    // §7.58 an ANP egress Allow at the source does not override a NetworkPolicy ingress deny at the destination — §1.3; NPAPI-A2 Accept doc
    [Fact]
    public void Admin_egress_Allow_does_not_bypass_ingress_at_the_destination()
    {
        var yaml = Docs(Cluster, Anp("allow-out", 10, """
              egress:
              - {name: allow-ns2, action: Allow, to: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: ns2}}}]}
            """), """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: closed, namespace: ns2}
            spec:
              podSelector: {}
              policyTypes: [Ingress]
            """);
        Assert.Empty(Into(List(yaml), Q));
        var result = Eval(yaml, "ns1/p", "ns2/q", "80");
        AssertVerdict(result, false, $"{P} => {Q} : TCP 80");
        Assert.Contains($"  egress at {P}: allowed\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"  ingress at {Q}: denied\n", result.Stdout, StringComparison.Ordinal);
    }

    // §4.4 portRange with start == end is accepted (CRD has no CEL check) and means that one port — NPAPI-A1; np-guard accepts it
    [Fact]
    public void PortRange_with_equal_ends_is_one_port()
    {
        var yaml = Docs(Cluster, Anp("one-port", 10, """
              ingress:
              - name: allow-80
                action: Allow
                from: [{namespaces: {}}]
                ports: [{portRange: {start: 80, end: 80}}]
              - {name: deny-rest, action: Deny, from: [{namespaces: {}}]}
            """));
        AssertLines(Into(List(yaml), P), $"{World} => {P} : {All}", $"{Q} => {P} : TCP 80", $"{R} => {P} : TCP 80");
    }
}
