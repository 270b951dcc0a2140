using Portolan.Tests.Support;
using static Portolan.Tests.Semantics.Manifest;

namespace Portolan.Tests.Semantics;

/// <summary>
/// What the API server (or the CRD) rejects: exit 3, nothing on stdout, one error naming the line of
/// the offending field and the object (semantics §2, §3.9, §4, §5.1; §7 cases 14-17, 25, 31, 37,
/// 45, 53-57, 59, 61-62). Each offending construct sits on one line so "the line" is unambiguous.
/// </summary>
public sealed class ValidationTests
{
    private static readonly string Preamble = Docs(Namespace("ns1"), Pod("ns1", "a", "app: a", "80"));

    private static string NetworkPolicy(string body, string name = "x") => Docs(Preamble, $$"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: {{name}}, namespace: ns1}
        spec:
          podSelector: {}
        {{body}}
        """);

    private const string Offending = "# offending";

    private static string IngressPeer(string peer) => $"  ingress:\n  - from:\n    - {peer}  {Offending}";

    private static string IngressPort(string port) => $"  ingress:\n  - ports:\n    - {port}  {Offending}";

    // §7.14 a peer with no field: "must specify a peer" — K8S-VALID; np-guard bad_netpols/subdir4
    // §7.15 ipBlock together with a selector: "may not specify both ipBlock and another peer" — K8S-VALID; bad_netpols/subdir3
    // §7.16 except equal to, outside of or wider than cidr: "must be a strict subset of cidr" — K8S-VALID
    // §3.9 cidr missing, empty or unparsable — K8S-VALID
    [Theory]
    [InlineData("{}")]
    [InlineData("{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}")]
    [InlineData("{ipBlock: {cidr: 10.0.0.0/8}, namespaceSelector: {}}")]
    [InlineData("{ipBlock: {cidr: 10.0.0.0/8, except: [10.0.0.0/8]}}")]
    [InlineData("{ipBlock: {cidr: 10.0.0.0/8, except: [11.0.0.0/16]}}")]
    [InlineData("{ipBlock: {cidr: 10.0.0.0/16, except: [10.0.0.0/8]}}")]
    [InlineData("{ipBlock: {cidr: 10.0.0.0/8, except: [\"fd00::/64\"]}}")]
    [InlineData("{ipBlock: {cidr: 10.0.0.0/8, except: [10.0.0.300/24]}}")]
    [InlineData("{ipBlock: {except: [10.0.0.0/24]}}")]
    [InlineData("{ipBlock: {cidr: \"\"}}")]
    [InlineData("{ipBlock: {cidr: 10.0.0.0}}")]
    [InlineData("{ipBlock: {cidr: 300.0.0.0/8}}")]
    [InlineData("{ipBlock: {cidr: 10.0.0.0/33}}")]
    public void Invalid_peers_are_rejected(string peer)
    {
        AssertRejected(NetworkPolicy(IngressPeer(peer)), "NetworkPolicy ns1/x", Offending);
    }

    // §7.31 protocol other than TCP/UDP/SCTP (lower case included), port 0 or 65536, a quoted number — K8S-VALID
    // §3.7 invalid port names (IsValidPortName: 1-15 of [a-z0-9-], a letter, no leading/trailing/double '-') — K8S-VALID
    // §7.25 endPort without port, below port, with a named port, out of range — K8S-VALID; np_test_with_empty_port_range, np_bad_path_test_2
    [Theory]
    [InlineData("{protocol: tcp, port: 80}")]
    [InlineData("{protocol: ICMP}")]
    [InlineData("{port: 0}")]
    [InlineData("{port: 65536}")]
    [InlineData("{port: \"80\"}")]
    [InlineData("{port: -http}")]
    [InlineData("{port: http-}")]
    [InlineData("{port: a--b}")]
    [InlineData("{port: sixteen-chars-xx}")]
    [InlineData("{port: http_1}")]
    [InlineData("{port: HTTP}")]
    [InlineData("{endPort: 90}")]
    [InlineData("{port: 90, endPort: 80}")]
    [InlineData("{port: http, endPort: 90}")]
    [InlineData("{port: 80, endPort: 65536}")]
    public void Invalid_ports_are_rejected(string port)
    {
        AssertRejected(NetworkPolicy(IngressPort(port)), "NetworkPolicy ns1/x", Offending);
    }

    // §3.2 policyTypes: at most two entries, only Ingress and Egress (case-sensitive) — K8S-VALID
    [Theory]
    [InlineData("[Ingress, Egress, Ingress]")]
    [InlineData("[Both]")]
    [InlineData("[ingress]")]
    public void Invalid_policyTypes_are_rejected(string types)
    {
        AssertRejected(NetworkPolicy($"  policyTypes: {types}"), "NetworkPolicy ns1/x", "policyTypes:");
    }

    // §7.37 In with empty or missing values, Exists with values, operator "in" or unknown — K8S-SELVALID
    // §2 label keys must be qualified names and values ≤63 of [A-Za-z0-9._-] — K8S-SELVALID; np-guard bad_netpols/subdir2, subdir7
    [Theory]
    [InlineData("{matchExpressions: [{key: app, operator: In, values: []}]}")]
    [InlineData("{matchExpressions: [{key: app, operator: NotIn}]}")]
    [InlineData("{matchExpressions: [{key: app, operator: Exists, values: [a]}]}")]
    [InlineData("{matchExpressions: [{key: app, operator: in, values: [a]}]}")]
    [InlineData("{matchExpressions: [{key: app, operator: Equals, values: [a]}]}")]
    [InlineData("{matchLabels: {-app: a}}")]
    [InlineData("{matchLabels: {a/b/c: a}}")]
    [InlineData("{matchLabels: {Example.com/app: a}}")]
    [InlineData("{matchLabels: {app: $backendservice}}")]
    [InlineData("{matchLabels: {app: a123456789012345678901234567890123456789012345678901234567890123}}")]
    public void Invalid_selectors_are_rejected(string selector)
    {
        AssertRejected(NetworkPolicy(IngressPeer($"{{podSelector: {selector}}}")), "NetworkPolicy ns1/x", Offending);
    }

    // Issue 2: object names are not validated beyond being present, though the API server requires a DNS
    // subdomain (§3.9): real manifests (np-guard's corpus among them) use "_", and refusing them helps nobody.
    [Fact]
    public void Object_names_are_not_validated_beyond_being_present()
    {
        var result = Support.CliRunner.RunWithStdin(NetworkPolicy("  policyTypes: [Ingress]", "Bad_Name"), "list", "-");
        Assert.True(result.Exit == 0, result.Stderr);
        Assert.DoesNotContain("error", result.Stderr, StringComparison.Ordinal);
    }

    private static string Anp(string body, string name = "x", int priority = 10) => Docs(Preamble, $$"""
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata: {name: {{name}}}
        spec:
          priority: {{priority}}
        {{body}}
        """);

    private const string Subject = "  subject: {namespaces: {}}";

    // §7.53 subject, peer or port entry with two fields; §7.54 from/to missing or empty; §7.55 action Accept in v1alpha1;
    // §7.57 portRange end < start; §4.3 ingress peers are namespaces|pods only; §4.3 domainNames only in Allow rules — NPAPI-A1
    [Theory]
    [InlineData("  subject: {namespaces: {}, pods: {namespaceSelector: {}, podSelector: {}}}", "subject:")]
    [InlineData(Subject + "\n  ingress:\n  - {name: r, action: Allow, from: [{namespaces: {}, pods: {namespaceSelector: {}, podSelector: {}}}]}", "- {name: r")]
    [InlineData(Subject + "\n  ingress:\n  - {name: r, action: Allow, from: [{namespaces: {}}], ports: [{portNumber: {port: 80}, portRange: {start: 1, end: 2}}]}", "- {name: r")]
    [InlineData(Subject + "\n  ingress:\n  - {name: r, action: Allow}", "- {name: r")]
    [InlineData(Subject + "\n  ingress:\n  - {name: r, action: Allow, from: []}", "- {name: r")]
    [InlineData(Subject + "\n  egress:\n  - {name: r, action: Deny, to: []}", "- {name: r")]
    [InlineData(Subject + "\n  ingress:\n  - {name: r, action: Accept, from: [{namespaces: {}}]}", "- {name: r")]
    [InlineData(Subject + "\n  ingress:\n  - {name: r, action: allow, from: [{namespaces: {}}]}", "- {name: r")]
    [InlineData(Subject + "\n  ingress:\n  - {name: r, action: Allow, from: [{namespaces: {}}], ports: [{portRange: {start: 10, end: 1}}]}", "- {name: r")]
    [InlineData(Subject + "\n  ingress:\n  - {name: r, action: Allow, from: [{namespaces: {}}], ports: []}", "- {name: r")]
    [InlineData(Subject + "\n  ingress:\n  - {name: r, action: Allow, from: [{namespaces: {}}], ports: [{portNumber: {port: 0}}]}", "- {name: r")]
    [InlineData(Subject + "\n  ingress:\n  - {name: r, action: Deny, from: [{networks: [10.0.0.0/8]}]}", "- {name: r")]
    [InlineData(Subject + "\n  egress:\n  - {name: r, action: Deny, to: [{domainNames: [example.com]}]}", "- {name: r")]
    public void Invalid_AdminNetworkPolicy_shapes_are_rejected(string body, string marker)
    {
        AssertRejected(Anp(body), "AdminNetworkPolicy x", marker);
    }

    // §7.59 priority outside 0-1000 — NPAPI-A1 CRD min/max; np-guard "Invalid Priority Value"
    [Theory]
    [InlineData(1001)]
    [InlineData(-1)]
    public void Priority_out_of_range_is_rejected(int priority)
    {
        AssertRejected(Anp(Subject, priority: priority), "AdminNetworkPolicy x", $"priority: {priority}");
    }

    // §7.45 two ANPs with equal priority: undefined by the API, rejected naming both — NPAPI-A1; anp_bad_path_test_1
    [Fact]
    public void Equal_ANP_priorities_are_rejected_naming_both()
    {
        var yaml = Docs(
            Anp(Subject, "first", 7),
            "metadata: {name: second}\napiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nspec:\n  priority: 7\n" + Subject);
        AssertRejected(yaml, "AdminNetworkPolicy second", "name: second");
        Assert.Contains("AdminNetworkPolicy first", CliRunner.RunWithStdin(yaml, "list", "-").Stderr, StringComparison.Ordinal);
    }

    private static string Banp(string metadata, string action = "Deny") => $$"""
        {{metadata}}
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: BaselineAdminNetworkPolicy
        spec:
          subject:
            namespaces: {}
          ingress:
          - name: r
            action: {{action}}
            from:
            - namespaces: {}
        """;

    // §7.55 Pass (and the v1alpha2 Accept) is not a BANP action — NPAPI-A1 enum
    [Theory]
    [InlineData("Pass")]
    [InlineData("Accept")]
    public void BANP_actions_are_Allow_and_Deny_only(string action)
    {
        AssertRejected(Docs(Preamble, Banp("metadata: {name: default}", action)), "BaselineAdminNetworkPolicy default", "action: " + action);
    }

    // §7.56 a BANP must be named default, and there is only one — NPAPI-A1 CEL
    [Fact]
    public void BANP_must_be_named_default()
    {
        AssertRejected(Docs(Preamble, Banp("metadata: {name: other}")), "BaselineAdminNetworkPolicy other", "name: other");
    }

    // §7.56 two BANPs: the second is rejected
    [Fact]
    public void Second_BANP_is_rejected()
    {
        var yaml = Docs(Preamble, Banp("metadata: {name: default}"), Banp("metadata: {name: default, labels: {copy: second}}"));
        AssertRejected(yaml, "BaselineAdminNetworkPolicy default", "copy: second");
    }

    private static string Cnp(string name, string tier, int priority, string body) => $$"""
        metadata: {name: {{name}} }
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        spec:
          tier: {{tier}}
          priority: {{priority}}
          subject:
            namespaces: {}
        {{body}}
        """;

    private static string CnpIngress(string rule) => $"  ingress:\n  - {rule}";

    // §7.61 tcp: {} is rejected (minProperties 1); §7.62 range start must be below end (CEL, so 80-80 is rejected);
    // §5.1 destinationPort is exactly one of number | range; action Allow is v1alpha1 spelling — NPAPI-A2 CRD
    [Theory]
    [InlineData("{name: r, action: Accept, from: [{namespaces: {}}], protocols: [{tcp: {}}]}")]
    [InlineData("{name: r, action: Accept, from: [{namespaces: {}}], protocols: [{udp: {destinationPort: {range: {start: 80, end: 80}}}}]}")]
    [InlineData("{name: r, action: Accept, from: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {range: {start: 81, end: 80}}}}]}")]
    [InlineData("{name: r, action: Accept, from: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {number: 80, range: {start: 1, end: 2}}}}]}")]
    [InlineData("{name: r, action: Accept, from: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {number: 80}}, udp: {destinationPort: {number: 53}}}]}")]
    [InlineData("{name: r, action: Accept, from: [{namespaces: {}}], protocols: []}")]
    [InlineData("{name: r, action: Allow, from: [{namespaces: {}}]}")]
    [InlineData("{name: r, action: Accept, from: [{networks: [10.0.0.0/8]}]}")]
    public void Invalid_ClusterNetworkPolicy_rules_are_rejected(string rule)
    {
        AssertRejected(Docs(Preamble, Cnp("x", "Admin", 10, CnpIngress(rule))), "ClusterNetworkPolicy x", "  - {name: r");
    }

    // §5.1 experimental CEL: no destinationNamedPort in an egress rule whose peers include networks — NPAPI-A2
    [Fact]
    public void DestinationNamedPort_beside_networks_is_rejected()
    {
        var body = "  egress:\n  - {name: r, action: Accept, to: [{namespaces: {}}, {networks: [10.0.0.0/8]}], protocols: [{destinationNamedPort: http}]}";
        AssertRejected(Docs(Preamble, Cnp("x", "Admin", 10, body)), "ClusterNetworkPolicy x", "  - {name: r");
    }

    // §5.1 tier is required and is Admin or Baseline — NPAPI-A2
    [Theory]
    [InlineData("admin")]
    [InlineData("Developer")]
    public void Unknown_tier_is_rejected(string tier)
    {
        AssertRejected(Docs(Preamble, Cnp("x", tier, 10, "")), "ClusterNetworkPolicy x", $"tier: {tier}");
    }

    // §5.1 v1alpha2 pods subject requires podSelector — NPAPI-A2
    [Fact]
    public void Pods_subject_without_podSelector_is_rejected()
    {
        var yaml = Docs(Preamble, """
            metadata: {name: x}
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            spec:
              tier: Admin
              priority: 10
              subject: {pods: {namespaceSelector: {}}}
            """);
        AssertRejected(yaml, "ClusterNetworkPolicy x", "subject:");
    }

    // issue 3 / §7.45: an ANP and an Admin-tier CNP with the same priority share one order: rejected naming both
    [Fact]
    public void ANP_and_Admin_CNP_with_equal_priority_are_rejected_naming_both()
    {
        var yaml = Docs(Anp(Subject, "anp", 5), Cnp("cnp", "Admin", 5, ""));
        AssertRejected(yaml, "ClusterNetworkPolicy cnp", "name: cnp");
        Assert.Contains("AdminNetworkPolicy anp", CliRunner.RunWithStdin(yaml, "list", "-").Stderr, StringComparison.Ordinal);
    }

    // §5.1 equal priorities within the Baseline tier are undefined as well: rejected naming both
    [Fact]
    public void Baseline_CNPs_with_equal_priority_are_rejected_naming_both()
    {
        var yaml = Docs(Preamble, Cnp("b1", "Baseline", 3, ""), Cnp("b2", "Baseline", 3, ""));
        AssertRejected(yaml, "ClusterNetworkPolicy b2", "name: b2");
        Assert.Contains("ClusterNetworkPolicy b1", CliRunner.RunWithStdin(yaml, "list", "-").Stderr, StringComparison.Ordinal);
    }

    // §5.1 the same priority in different tiers is no conflict (priority is meaningful within a tier)
    [Fact]
    public void Equal_priorities_in_different_tiers_are_accepted()
    {
        var yaml = Docs(Preamble, Cnp("admin", "Admin", 3, ""), Cnp("baseline", "Baseline", 3, ""));
        Assert.Equal(0, CliRunner.RunWithStdin(yaml, "list", "-").Exit);
    }
}
