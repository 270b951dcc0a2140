using static Portolan.Tests.Semantics.Manifest;

namespace Portolan.Tests.Semantics;

/// <summary>policyTypes defaulting, isolation and the two-sided check (semantics §3.2, §3.3, §1.3; §7 cases 1-7, 32).</summary>
public sealed class PolicyTypesTests
{
    private const string A = "ns1/a[Pod]";
    private const string B = "ns1/b[Pod]";

    private static readonly string Pods = Docs(
        Namespace("ns1"),
        Pod("ns1", "a", "app: a", "80"),
        Pod("ns1", "b", "app: b"));

    // §7.1 no policyTypes and only ingress rules: ingress only, egress of the selected pods unrestricted — K8S-DEFAULTS
    [Fact]
    public void Ingress_rules_without_policyTypes_isolate_ingress_only()
    {
        var yaml = Docs(Pods, """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: x, namespace: ns1}
            spec:
              podSelector: {matchLabels: {app: a}}
              ingress:
              - from: [{podSelector: {matchLabels: {app: b}}}]
                ports: [{port: 80}]
            """);
        AssertLines(List(yaml),
            $"{World} => {B} : {All}",
            $"{A} => {World} : {All}",
            $"{A} => {B} : {All}",
            $"{B} => {World} : {All}",
            $"{B} => {A} : TCP 80");
    }

    // §7.2 no policyTypes and egress: [] is still ingress-only (an empty list does not add Egress) — K8S-DEFAULTS
    [Fact]
    public void Empty_egress_list_without_policyTypes_does_not_isolate_egress()
    {
        var yaml = Docs(Pods, """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: x, namespace: ns1}
            spec:
              podSelector: {matchLabels: {app: a}}
              egress: []
            """);
        AssertLines(List(yaml),
            $"{World} => {B} : {All}",
            $"{A} => {World} : {All}",
            $"{A} => {B} : {All}",
            $"{B} => {World} : {All}");
    }

    // §7.3 no policyTypes and a non-empty egress list: Ingress and Egress, so no ingress at all — K8S-TYPES, K8S-DEFAULTS
    [Theory]
    [InlineData("")]
    [InlineData("  policyTypes: []")]
    public void Egress_rules_without_policyTypes_isolate_both_directions(string policyTypes)
    {
        var yaml = Docs(Pods, $$$"""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: x, namespace: ns1}
            spec:
              podSelector: {matchLabels: {app: a}}
            {{{policyTypes}}}
              egress:
              - to:
                - podSelector: {matchLabels: {app: b}}
                ports: [{protocol: UDP, port: 53}]
            """);
        AssertLines(List(yaml),
            $"{World} => {B} : {All}",
            $"{A} => {B} : UDP 53",
            $"{B} => {World} : {All}");
    }

    // §7.4 policyTypes: [Egress] while ingress rules are present: the ingress rules are ignored — K8S-DOC policyTypes; NPG policyAffectsDirection
    [Fact]
    public void Ingress_rules_are_ignored_when_policyTypes_lists_only_Egress()
    {
        var yaml = Docs(Pods, """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: x, namespace: ns1}
            spec:
              podSelector: {matchLabels: {app: a}}
              policyTypes: [Egress]
              ingress:
              - from: [{podSelector: {matchLabels: {app: b}}}]
                ports: [{port: 80}]
            """);
        AssertLines(List(yaml),
            $"{World} => {A} : {All}",
            $"{World} => {B} : {All}",
            $"{B} => {World} : {All}",
            $"{B} => {A} : {All}");
    }

    // §7.5 policyTypes [Ingress, Egress] without rules: deny all in both directions — K8S-DOC "Default deny all ingress and all egress"
    [Fact]
    public void Both_policyTypes_without_rules_deny_everything_in_both_directions()
    {
        var yaml = Docs(Pods, """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: x, namespace: ns1}
            spec:
              podSelector: {matchLabels: {app: a}}
              policyTypes: [Ingress, Egress]
            """);
        AssertLines(List(yaml),
            $"{World} => {B} : {All}",
            $"{B} => {World} : {All}");
    }

    // §7.6 ingress: [{}] allows everything from everywhere, external IPs and every protocol included — K8S-TYPES; K8S-E2E allow-all
    [Theory]
    [InlineData("all")]
    [InlineData("external")]
    public void Ingress_with_one_empty_rule_allows_everything(string scope)
    {
        var yaml = Docs(Pods, """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny, namespace: ns1}
            spec:
              podSelector: {}
              policyTypes: [Ingress]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: allow-all, namespace: ns1}
            spec:
              podSelector: {matchLabels: {app: a}}
              ingress: [{}]
            """);
        AssertLines(List(yaml, scope),
            $"{World} => {A} : {All}",
            $"{A} => {World} : {All}",
            $"{B} => {World} : {All}",
            $"{B} => {A} : {All}");
        AssertEvalAllowed(yaml, "203.0.113.9", "ns1/a", "9999", "SCTP", scope);
    }

    // §7.7 a deny-all policy plus a second policy allowing X on the same pods: X is allowed (policies only add) — K8S-DOC additive
    [Fact]
    public void Policies_are_additive_over_a_deny_all()
    {
        var yaml = Docs(Pods, """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny-all, namespace: ns1}
            spec:
              podSelector: {}
              policyTypes: [Ingress]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: allow-b, namespace: ns1}
            spec:
              podSelector: {matchLabels: {app: a}}
              ingress:
              - from: [{podSelector: {matchLabels: {app: b}}}]
                ports: [{port: 80}]
            """);
        AssertLines(List(yaml),
            $"{A} => {World} : {All}",
            $"{B} => {World} : {All}",
            $"{B} => {A} : TCP 80");
    }

    // §7.32 the source's egress allows and the destination's ingress denies: denied — K8S-DOC; K8S-E2E client-side deny
    [Fact]
    public void Egress_allow_at_the_source_does_not_override_an_ingress_deny()
    {
        var yaml = Docs(Pods, """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: a-to-b, namespace: ns1}
            spec:
              podSelector: {matchLabels: {app: a}}
              policyTypes: [Egress]
              egress:
              - to: [{podSelector: {matchLabels: {app: b}}}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: b-closed, namespace: ns1}
            spec:
              podSelector: {matchLabels: {app: b}}
              policyTypes: [Ingress]
            """);
        Assert.Empty(Into(List(yaml), B));
        var result = Eval(yaml, "ns1/a", "ns1/b", "80");
        AssertVerdict(result, false, $"{A} => {B} : TCP 80");
        Assert.Contains($"  egress at {A}: allowed\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"  ingress at {B}: denied\n", result.Stdout, StringComparison.Ordinal);
    }

    // §7.32 (vice versa) the destination's ingress allows and the source's egress denies: denied — K8S-E2E client-side deny
    [Fact]
    public void Ingress_allow_at_the_destination_does_not_override_an_egress_deny()
    {
        var yaml = Docs(Pods, """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: a-closed, namespace: ns1}
            spec:
              podSelector: {matchLabels: {app: a}}
              policyTypes: [Egress]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: b-from-a, namespace: ns1}
            spec:
              podSelector: {matchLabels: {app: b}}
              ingress:
              - from: [{podSelector: {matchLabels: {app: a}}}]
            """);
        Assert.Empty(From(List(yaml), A));
        var result = Eval(yaml, "ns1/a", "ns1/b", "80");
        AssertVerdict(result, false, $"{A} => {B} : TCP 80");
        Assert.Contains($"  egress at {A}: denied\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"  ingress at {B}: allowed\n", result.Stdout, StringComparison.Ordinal);
    }

    // §3.1 an absent or null podSelector selects every pod of the policy's namespace — K8S-TYPES
    [Theory]
    [InlineData("")]
    [InlineData("  podSelector:")]
    [InlineData("  podSelector: {}")]
    public void Absent_or_empty_podSelector_selects_every_pod_of_the_namespace(string podSelector)
    {
        var yaml = Docs(Pods, Pod("ns2", "c", "app: a"), $$"""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: x, namespace: ns1}
            spec:
            {{podSelector}}
              policyTypes: [Ingress]
            """);
        var lines = List(yaml);
        Assert.Empty(Into(lines, A));
        Assert.Empty(Into(lines, B));
        Assert.Contains($"{A} => ns2/c[Pod] : {All}", lines);
    }

    // §3.4 from: [] and ports: [] mean "no restriction", exactly like absent lists — K8S-TYPES
    [Theory]
    [InlineData("  - from: []\n    ports: []")]
    [InlineData("  - from: []")]
    [InlineData("  - ports: []")]
    public void Empty_from_and_ports_lists_mean_everything(string rule)
    {
        var yaml = Docs(Pods, $$$"""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: x, namespace: ns1}
            spec:
              podSelector: {matchLabels: {app: a}}
              ingress:
            {{{rule}}}
            """);
        AssertLines(Into(List(yaml), A), $"{World} => {A} : {All}", $"{B} => {A} : {All}");
    }
}
