using System.Globalization;
using Portolan.Tests.Support;
using static Portolan.Tests.Semantics.Manifest;

namespace Portolan.Tests.Semantics;

/// <summary>
/// eval's path through the tiers (semantics §4.5, §5.2; issue 3: "Admin tier: AdminNetworkPolicy
/// pass-monitoring rule pass-scrape (Pass) → NetworkPolicy tier: isolated by shop/default-deny,
/// allowed by shop/allow-prom rule 1"). Each step names the tier, the policy, the rule, the action
/// and where the policy or rule is written. Policies start with metadata so the object's first line names it.
/// </summary>
public sealed class EvalPathTests
{
    private static readonly string Cluster = Docs(
        Namespace("shop"),
        Namespace("monitoring"),
        Pod("shop", "api", "app: api", "metrics=9090,8080"),
        Pod("monitoring", "prom", "app: prom"));

    private const string PassMonitoring = """
        metadata: {name: pass-monitoring}
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        spec:
          priority: 10
          subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}}
          ingress:
          - name: pass-scrape
            action: Pass
            from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}]
            ports: [{portNumber: {port: 9090}}]
          - name: deny-monitoring
            action: Deny
            from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}]
        """;

    private const string ShopPolicies = """
        metadata: {name: default-deny, namespace: shop}
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
        ---
        metadata: {name: allow-prom, namespace: shop}
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        spec:
          podSelector: {}
          ingress:
          - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}]
            ports: [{port: metrics}]
        """;

    private static string At(string yaml, string marker) =>
        string.Create(CultureInfo.InvariantCulture, $"<stdin>:{LineOf(yaml, marker)}");

    private static string[] Lines(CliRunner.Result result) => result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    // §4.5: an Admin Pass leads to the NetworkPolicy tier, which isolates the pod and allows the port — issue 3
    [Fact]
    public void Admin_Pass_then_NetworkPolicy_allow_names_each_step()
    {
        var yaml = Docs(Cluster, PassMonitoring, ShopPolicies);
        var result = Eval(yaml, "monitoring/prom", "shop/api", "9090");
        AssertVerdict(result, true, "monitoring/prom[Pod] => shop/api[Pod] : TCP 9090");
        Assert.Equal(
            [
                "ALLOWED: monitoring/prom[Pod] => shop/api[Pod] : TCP 9090",
                "  egress at monitoring/prom[Pod]: allowed",
                "    NetworkPolicy tier: no NetworkPolicy selects the pod in this direction -> next tier",
                "    Default: no tier decided -> allowed",
                "  ingress at shop/api[Pod]: allowed",
                $"    Admin tier: AdminNetworkPolicy pass-monitoring rule pass-scrape (Pass, {At(yaml, "- name: pass-scrape")}) -> next tier",
                $"    NetworkPolicy tier: isolated by shop/allow-prom ({At(yaml, "name: allow-prom")}), shop/default-deny ({At(yaml, "name: default-deny")}); "
                    + $"allowed by shop/allow-prom rule 1 ({At(yaml, "- from: [{namespaceSelector")})",
            ],
            Lines(result));
    }

    // §4.5: a port the ANP does not Pass meets its Deny rule: the Admin tier decides alone
    [Fact]
    public void Admin_Deny_ends_the_path()
    {
        var yaml = Docs(Cluster, PassMonitoring, ShopPolicies);
        var result = Eval(yaml, "monitoring/prom", "shop/api", "8080");
        AssertVerdict(result, false, "monitoring/prom[Pod] => shop/api[Pod] : TCP 8080");
        Assert.Equal(
            [
                "  ingress at shop/api[Pod]: denied",
                $"    Admin tier: AdminNetworkPolicy pass-monitoring rule deny-monitoring (Deny, {At(yaml, "- name: deny-monitoring")}) -> denied",
            ],
            Lines(result)[^2..]);
    }

    // §4.5: Pass, no NetworkPolicy for the pod, then the BANP decides (its Deny names the Baseline tier)
    [Fact]
    public void Admin_Pass_then_BANP_Deny_names_each_step()
    {
        var yaml = Docs(Cluster, PassMonitoring, """
            metadata: {name: default}
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: BaselineAdminNetworkPolicy
            spec:
              subject: {namespaces: {}}
              ingress:
              - name: no-scrape
                action: Deny
                from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}]
            """);
        var result = Eval(yaml, "monitoring/prom", "shop/api", "metrics");
        AssertVerdict(result, false, "monitoring/prom[Pod] => shop/api[Pod] : TCP 9090 (metrics)");
        Assert.Equal(
            [
                "  ingress at shop/api[Pod]: denied",
                $"    Admin tier: AdminNetworkPolicy pass-monitoring rule pass-scrape (Pass, {At(yaml, "- name: pass-scrape")}) -> next tier",
                "    NetworkPolicy tier: no NetworkPolicy selects the pod in this direction -> next tier",
                $"    Baseline tier: BaselineAdminNetworkPolicy default rule no-scrape (Deny, {At(yaml, "- name: no-scrape")}) -> denied",
            ],
            Lines(result)[^4..]);
    }

    // §5.2: a Baseline CNP Pass skips the rest of the Baseline tier and the default allows; Accept is spelt Accept
    [Fact]
    public void Baseline_Pass_then_default_allow_names_each_step()
    {
        var yaml = Docs(Cluster, """
            metadata: {name: baseline-pass}
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            spec:
              tier: Baseline
              priority: 10
              subject: {namespaces: {}}
              ingress:
              - name: pass-monitoring
                action: Pass
                from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}]
            ---
            metadata: {name: baseline-deny}
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            spec:
              tier: Baseline
              priority: 20
              subject: {namespaces: {}}
              ingress:
              - name: deny-all
                action: Deny
                from: [{namespaces: {}}]
            ---
            metadata: {name: admin-accept}
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            spec:
              tier: Admin
              priority: 10
              subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}
              ingress:
              - name: accept-shop
                action: Accept
                from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}}]
            """);
        var result = Eval(yaml, "monitoring/prom", "shop/api", "8080");
        AssertVerdict(result, true, "monitoring/prom[Pod] => shop/api[Pod] : TCP 8080");
        Assert.Equal(
            [
                "  ingress at shop/api[Pod]: allowed",
                "    NetworkPolicy tier: no NetworkPolicy selects the pod in this direction -> next tier",
                $"    Baseline tier: ClusterNetworkPolicy baseline-pass rule pass-monitoring (Pass, {At(yaml, "- name: pass-monitoring")}) -> next tier",
                "    Default: no tier decided -> allowed",
            ],
            Lines(result)[^4..]);

        var back = Eval(yaml, "shop/api", "monitoring/prom", "80");
        AssertVerdict(back, true, "shop/api[Pod] => monitoring/prom[Pod] : TCP 80");
        Assert.Equal(
            [
                "  ingress at monitoring/prom[Pod]: allowed",
                $"    Admin tier: ClusterNetworkPolicy admin-accept rule accept-shop (Accept, {At(yaml, "- name: accept-shop")}) -> allowed",
            ],
            Lines(back)[^2..]);
    }

    // §1.3: an external endpoint has no policy of its own
    [Fact]
    public void External_source_has_no_egress_side()
    {
        var yaml = Docs(Cluster, ShopPolicies);
        var result = Eval(yaml, "203.0.113.9", "shop/api", "9090");
        AssertVerdict(result, false, "203.0.113.9-203.0.113.9[External] => shop/api[Pod] : TCP 9090");
        Assert.Equal(
            [
                "  egress at 203.0.113.9-203.0.113.9[External]: allowed (not a pod: no policy applies)",
                "  ingress at shop/api[Pod]: denied",
                $"    NetworkPolicy tier: isolated by shop/allow-prom ({At(yaml, "name: allow-prom")}), shop/default-deny ({At(yaml, "name: default-deny")}); no rule allows it -> denied",
            ],
            Lines(result)[1..]);
    }
}
