using static Portolan.Tests.Semantics.Manifest;

namespace Portolan.Tests.Semantics;

/// <summary>BaselineAdminNetworkPolicy and how Pass reaches it (semantics §4.5, §4.6, §4.7; §7 cases 41-42).</summary>
public sealed class BaselineTierTests
{
    private const string P = "ns1/p[Pod]";
    private const string Q = "ns2/q[Pod]";
    private const string R = "ns3/r[Pod]";

    private static readonly string Cluster = Docs(
        Namespace("ns1"),
        Namespace("ns2"),
        Namespace("ns3"),
        Pod("ns1", "p", "app: p"),
        Pod("ns1", "p2", "app: p2"),
        Pod("ns2", "q", "app: q"),
        Pod("ns3", "r", "app: r"));

    private static string Banp(string rules) => $$$"""
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: BaselineAdminNetworkPolicy
        metadata: {name: default}
        spec:
          subject:
            namespaces: {matchLabels: {kubernetes.io/metadata.name: ns1}}
        {{{rules}}}
        """;

    // §7.41 ANP Pass, no NetworkPolicy, BANP Deny UDP 80: everything but UDP 80 — corpus case; §4.5 note (ii)
    [Fact]
    public void Passed_traffic_without_NetworkPolicy_goes_to_the_BANP()
    {
        var yaml = Docs(Cluster, """
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: AdminNetworkPolicy
            metadata: {name: pass-ns2}
            spec:
              priority: 10
              subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: ns1}}}
              ingress:
              - {name: pass, action: Pass, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: ns2}}}]}
            """, Banp("""
              ingress:
              - name: deny-udp-80
                action: Deny
                from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: ns2}}}]
                ports: [{portNumber: {protocol: UDP, port: 80}}]
            """));
        AssertLines(Into(List(yaml), P).Where(l => l.StartsWith(Q, StringComparison.Ordinal)),
            $"{Q} => {P} : SCTP 1-65535,TCP 1-65535,UDP 1-79,81-65535");
    }

    private static string Hogwarts(bool withNetworkPolicy) => Docs(
        Namespace("gryffindor"),
        Namespace("slytherin"),
        Namespace("hufflepuff"),
        Pod("gryffindor", "harry", "app: harry"),
        Pod("slytherin", "draco", "app: draco"),
        Pod("hufflepuff", "cedric", "app: cedric"),
        """
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata: {name: pass-slytherin}
        spec:
          priority: 10
          subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: gryffindor}}}
          ingress:
          - {name: pass-from, action: Pass, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: slytherin}}}]}
          egress:
          - {name: pass-to, action: Pass, to: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: slytherin}}}]}
        ---
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: BaselineAdminNetworkPolicy
        metadata: {name: default}
        spec:
          subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: gryffindor}}}
          ingress:
          - {name: deny-from, action: Deny, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: slytherin}}}]}
          egress:
          - {name: deny-to, action: Deny, to: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: slytherin}}}]}
        """,
        withNetworkPolicy ? """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: allow-slytherin, namespace: gryffindor}
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
          ingress:
          - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: slytherin}}}]
          egress:
          - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: slytherin}}}]
        """ : "");

    // §7.42 ANP Pass + NP allowing slytherin + BANP denying it: the NP decides (slytherin allowed, the rest isolated) — NPAPI-CONF standard-anp-np-banp.yaml
    [Fact]
    public void Passed_traffic_is_decided_by_the_NetworkPolicy_when_one_selects_the_pod()
    {
        AssertLines(List(Hogwarts(true)).Where(l => l.Contains("gryffindor/", StringComparison.Ordinal)),
            $"gryffindor/harry[Pod] => slytherin/draco[Pod] : {All}",
            $"slytherin/draco[Pod] => gryffindor/harry[Pod] : {All}");
    }

    // §7.42 remove the NP: slytherin traffic is denied by the BANP and everything else allowed — corpus anp_banp_core_test
    [Fact]
    public void Passed_traffic_is_decided_by_the_BANP_when_no_NetworkPolicy_selects_the_pod()
    {
        AssertLines(List(Hogwarts(false)).Where(l => l.Contains("gryffindor/", StringComparison.Ordinal)),
            $"{World} => gryffindor/harry[Pod] : {All}",
            $"gryffindor/harry[Pod] => {World} : {All}",
            $"gryffindor/harry[Pod] => hufflepuff/cedric[Pod] : {All}",
            $"hufflepuff/cedric[Pod] => gryffindor/harry[Pod] : {All}");
    }

    // §4.5 note (iii): the BANP is consulted only for pods no NetworkPolicy selects in that direction — NPAPI-A1
    [Fact]
    public void BANP_does_not_apply_to_pods_selected_by_a_NetworkPolicy()
    {
        var yaml = Docs(Cluster, Banp("""
              ingress:
              - {name: deny-ns2, action: Deny, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: ns2}}}]}
            """), """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: p-from-ns2, namespace: ns1}
            spec:
              podSelector: {matchLabels: {app: p}}
              ingress:
              - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ns2}}}]
            """);
        var lines = List(yaml);
        Assert.Contains($"{Q} => {P} : {All}", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith($"{Q} => ns1/p2[Pod]", StringComparison.Ordinal));
        Assert.Contains($"{R} => ns1/p2[Pod] : {All}", lines);
    }

    // §4.2 first matching BANP rule wins: Allow TCP 80 before a Deny of everything — NPAPI-A1 rule precedence
    [Fact]
    public void First_matching_BANP_rule_wins()
    {
        var yaml = Docs(Cluster, Banp("""
              ingress:
              - name: allow-80
                action: Allow
                from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: ns2}}}]
                ports: [{portNumber: {port: 80}}]
              - {name: deny-all, action: Deny, from: [{namespaces: {}}]}
            """));
        AssertLines(Into(List(yaml), P),
            $"{World} => {P} : {All}",
            $"{Q} => {P} : TCP 80");
    }

    // §4.6 egress to external: NP ipBlocks decide for isolated pods, the BANP networks rule only for the others
    [Theory]
    [InlineData("all")]
    [InlineData("external")]
    public void BANP_networks_rule_applies_after_NetworkPolicy_egress(string scope)
    {
        var yaml = Docs(Cluster, Banp("""
              egress:
              - {name: deny-ten, action: Deny, to: [{networks: [10.0.0.0/8]}]}
            """), """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: p-to-ten, namespace: ns1}
            spec:
              podSelector: {matchLabels: {app: p}}
              policyTypes: [Egress]
              egress:
              - to: [{ipBlock: {cidr: 10.0.0.0/8}}]
            """);
        var lines = List(yaml, scope).Where(l => l.Contains("[External]", StringComparison.Ordinal)).ToList();
        AssertLines(From(lines, P), $"{P} => 10.0.0.0-10.255.255.255[External] : {All}");
        AssertLines(From(lines, "ns1/p2[Pod]"),
            $"ns1/p2[Pod] => 0.0.0.0-9.255.255.255[External] : {All}",
            $"ns1/p2[Pod] => 11.0.0.0-255.255.255.255[External] : {All}");
    }
}
