using static Portolan.Tests.Semantics.Manifest;

namespace Portolan.Tests.Semantics;

/// <summary>
/// ipBlock peers under both scopes (semantics §3.6; §7 cases 17-19). With --ipblock-scope all (the
/// default) an ipBlock also matches pods by their status.podIPs, as dataplanes and the e2e suite do,
/// and those addresses are no longer external; with external it matches external ranges only (np-guard).
/// Case 20 (ipBlock versus Service/LoadBalancer NAT) is undefined by the API and not modelled: no test.
/// </summary>
public sealed class IPBlockTests
{
    private const string A = "ns1/a[Pod]";
    private const string B = "ns1/b[Pod]";
    private const string C = "ns1/c[Pod]";

    private static readonly string Pods = Docs(
        Namespace("ns1"),
        Pod("ns1", "a", "app: a", "80", "10.0.0.1"),
        Pod("ns1", "b", "app: b", "80", "10.0.0.2"),
        Pod("ns1", "c", "app: c", "80", "10.0.0.3"));

    private static string EgressOfA(string ipBlock) => Docs(Pods, $$$"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: x, namespace: ns1}
        spec:
          podSelector: {matchLabels: {app: a}}
          policyTypes: [Egress]
          egress:
          - to:
            - ipBlock: {{{ipBlock}}}
        """);

    // §7.17 cidr 10.1.2.3/8 is accepted and means 10.0.0.0/8 — K8S-IPVALID (sloppy parsing); K8S-E2E uses <podIP>/4
    [Fact]
    public void Host_bits_in_cidr_are_masked_away()
    {
        var lines = From(List(EgressOfA("{cidr: 10.1.2.3/8}"), "external"), A);
        AssertLines(lines, $"{A} => 10.0.0.0-10.255.255.255[External] : {All}");
    }

    // §3.6 leading-zero octets are accepted and read as decimal: 010.0.0.0/8 is 10.0.0.0/8 — K8S-IPVALID
    [Fact]
    public void Leading_zero_octets_are_read_as_decimal()
    {
        var lines = From(List(EgressOfA("{cidr: 010.0.0.0/8}"), "external"), A);
        AssertLines(lines, $"{A} => 10.0.0.0-10.255.255.255[External] : {All}");
    }

    // §7.17 under scope all the sloppy /8 also covers the pods in 10.0.0.0/8, and nothing outside it — K8S-IPVALID; §3.6
    [Fact]
    public void Sloppy_cidr_covers_pod_addresses_in_the_masked_network()
    {
        var yaml = EgressOfA("{cidr: 10.1.2.3/8}");
        AssertLines(PodToPod(From(List(yaml), A)), $"{A} => {B} : {All}", $"{A} => {C} : {All}");
        AssertEvalAllowed(yaml, "ns1/a", "10.200.0.1", "443");
        AssertEvalDenied(yaml, "ns1/a", "11.0.0.1", "443");
    }

    // §7.18 ipBlock <podIP>/32 in an egress rule allows egress to that pod (scope all, the default) — K8S-E2E "should allow egress access to server in CIDR block"
    [Fact]
    public void PodIP_block_matches_the_pod_under_the_default_scope()
    {
        var yaml = EgressOfA("{cidr: 10.0.0.2/32}");
        // The only address of the block is a pod's, so no external range remains.
        AssertLines(From(List(yaml), A), $"{A} => {B} : {All}");
        var result = Eval(yaml, "ns1/a", "10.0.0.2", "80");
        AssertVerdict(result, true, $"{A} => {B} : TCP 80");
    }

    // §7.18 with --ipblock-scope external the same block matches only the external address, never the pod — NPG ruleSelectsPeer
    [Fact]
    public void PodIP_block_does_not_match_the_pod_under_external_scope()
    {
        var yaml = EgressOfA("{cidr: 10.0.0.2/32}");
        AssertLines(From(List(yaml, "external"), A), $"{A} => 10.0.0.2-10.0.0.2[External] : {All}");
        AssertEvalDenied(yaml, "ns1/a", "ns1/b", "80", scope: "external");
        var result = Eval(yaml, "ns1/a", "10.0.0.2", "80", scope: "external");
        AssertVerdict(result, true, $"{A} => 10.0.0.2-10.0.0.2[External] : TCP 80");
    }

    // §7.19 except [<podIP>/32] excludes that pod while other addresses of the cidr stay allowed — K8S-E2E "should enforce except clause…"
    [Fact]
    public void Except_podIP_excludes_that_pod_only()
    {
        var yaml = EgressOfA("{cidr: 10.0.0.0/24, except: [10.0.0.2/32]}");
        AssertLines(PodToPod(From(List(yaml), A)), $"{A} => {C} : {All}");
        AssertEvalDenied(yaml, "ns1/a", "ns1/b", "80");
        AssertEvalDenied(yaml, "ns1/a", "10.0.0.2", "80");
        AssertEvalAllowed(yaml, "ns1/a", "10.0.0.200", "80");
        AssertEvalDenied(yaml, "ns1/a", "10.0.1.1", "80");
    }

    // §7.19 under --ipblock-scope external: the except cuts the external range, and no pod is matched — conformance README "External peers"
    [Fact]
    public void Except_cuts_the_external_ranges_under_external_scope()
    {
        var yaml = EgressOfA("{cidr: 10.0.0.0/24, except: [10.0.0.2/32]}");
        AssertLines(From(List(yaml, "external"), A),
            $"{A} => 10.0.0.0-10.0.0.1[External] : {All}",
            $"{A} => 10.0.0.3-10.0.0.255[External] : {All}");
    }

    // §3.6 an ingress ipBlock covering a pod's IP admits that pod (scope all) but only the external address under external
    [Theory]
    [InlineData("all", new[] { "ns1/a[Pod] => ns1/b[Pod] : All Connections" })]
    [InlineData("external", new[] { "10.0.0.1-10.0.0.1[External] => ns1/b[Pod] : All Connections" })]
    public void Ingress_ipBlock_matches_source_pods_by_address(string scope, string[] expected)
    {
        var yaml = Docs(Pods, """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: x, namespace: ns1}
            spec:
              podSelector: {matchLabels: {app: b}}
              ingress:
              - from: [{ipBlock: {cidr: 10.0.0.1/32}}]
            """);
        AssertLines(Into(List(yaml, scope), B), expected);
    }

    // §3.6 an IPv4 block never matches IPv6 traffic: a pod known only by an IPv6 address is not in 0.0.0.0/0 — K8S-VALID
    [Fact]
    public void IPv4_block_does_not_match_an_IPv6_pod()
    {
        var yaml = Docs(
            EgressOfA("{cidr: 0.0.0.0/0}"),
            Pod("ns1", "v6", "app: v6", "80", "fd00::6"));
        AssertLines(PodToPod(From(List(yaml), A)), $"{A} => {B} : {All}", $"{A} => {C} : {All}");
        AssertEvalDenied(yaml, "ns1/a", "ns1/v6", "80");
    }

    // §3.6 the default scope is all: leaving out --ipblock-scope equals --ipblock-scope all — README; semantics §3.6
    [Fact]
    public void Default_scope_is_all()
    {
        var yaml = EgressOfA("{cidr: 10.0.0.0/24, except: [10.0.0.2/32]}");
        Assert.Equal(List(yaml, "all"), List(yaml));
        Assert.NotEqual(List(yaml, "external"), List(yaml));
    }

    // §3.6 matching is by address: 0.0.0.0/0 + ::/0 contain every pod address, so scope all reaches pods without podIPs — K8S-E2E; CYC IPPeerMatcher
    [Fact]
    public void Whole_address_space_covers_pods_whose_IP_is_unknown()
    {
        var yaml = Docs(Pods, """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: ns1}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: x, namespace: ns1}
            spec:
              podSelector: {matchLabels: {app: a}}
              policyTypes: [Egress]
              egress:
              - to: [{ipBlock: {cidr: 0.0.0.0/0}}, {ipBlock: {cidr: "::/0"}}]
            """);
        Assert.Contains($"{A} => ns1/web[Deployment] : {All}", List(yaml, "all"));
        Assert.DoesNotContain(List(yaml, "external"), l => l.StartsWith($"{A} => ns1/web[Deployment]", StringComparison.Ordinal));
    }

    // §3.6 IPv6 blocks and excepts cut the IPv6 space on the source side (ingress) — K8S-VALID; conformance README
    [Fact]
    public void IPv6_ipBlock_with_except_cuts_IPv6_source_ranges()
    {
        var yaml = Docs(Pods, """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: x, namespace: ns1}
            spec:
              podSelector: {matchLabels: {app: a}}
              ingress:
              - from: [{ipBlock: {cidr: "2001:db8::/32", except: ["2001:db8:1::/48"]}}]
            """);
        AssertLines(Into(List(yaml, "external"), A),
            $"2001:db8:2::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff[External] => {A} : {All}",
            $"2001:db8::-2001:db8:0:ffff:ffff:ffff:ffff:ffff[External] => {A} : {All}");
    }

    // §3.6 without StrictIPCIDRValidation (default off) an IPv4-mapped IPv6 CIDR is accepted — K8S-IPVALID
    [Fact]
    public void IPv4_mapped_IPv6_cidr_is_accepted()
    {
        var result = Support.CliRunner.RunWithStdin(EgressOfA("{cidr: \"::ffff:10.0.0.0/104\"}"), "list", "-");
        Assert.True(result.Exit == 0, result.Stderr);
    }
}
