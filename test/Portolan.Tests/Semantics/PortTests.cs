using static Portolan.Tests.Semantics.Manifest;

namespace Portolan.Tests.Semantics;

/// <summary>NetworkPolicy port entries: protocol default, ranges, protocol isolation (semantics §3.7; §7 cases 21-25).</summary>
public sealed class PortTests
{
    private const string A = "ns1/a[Pod]";
    private const string B = "ns1/b[Pod]";

    private static string IngressOfA(string ports) => Docs(
        Namespace("ns1"),
        Pod("ns1", "a", "app: a", "80,81,53/UDP"),
        Pod("ns1", "b", "app: b"),
        $$$"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: x, namespace: ns1}
        spec:
          podSelector: {matchLabels: {app: a}}
          ingress:
          - from:
            - podSelector: {matchLabels: {app: b}}
            ports: {{{ports}}}
        """);

    private static IEnumerable<string> IntoA(string yaml) => Into(List(yaml), A);

    // §7.21 an entry with only protocol: every port of that protocol, the others blocked — K8S-E2E "…any port traffic to a server on a specific protocol"
    [Theory]
    [InlineData("TCP")]
    [InlineData("UDP")]
    [InlineData("SCTP")]
    public void Protocol_without_port_allows_every_port_of_that_protocol_only(string protocol)
    {
        var yaml = IngressOfA($"[{{protocol: {protocol}}}]");
        AssertLines(IntoA(yaml), $"{B} => {A} : {protocol} 1-65535");
        AssertEvalAllowed(yaml, "ns1/b", "ns1/a", "65535", protocol);
        AssertEvalDenied(yaml, "ns1/b", "ns1/a", "53", protocol == "UDP" ? "TCP" : "UDP");
    }

    // §7.22 ports: [{}] means all TCP ports only (protocol defaulted), not all traffic — K8S-DEFAULTS
    [Fact]
    public void Empty_port_entry_means_every_TCP_port()
    {
        var yaml = IngressOfA("[{}]");
        AssertLines(IntoA(yaml), $"{B} => {A} : TCP 1-65535");
        AssertEvalDenied(yaml, "ns1/b", "ns1/a", "53", "UDP");
    }

    // §7.23 protocol SCTP, port 81 does not allow TCP 81; the pod is isolated for TCP — K8S-E2E (two SCTP tests)
    [Fact]
    public void SCTP_port_does_not_allow_TCP_on_the_same_port()
    {
        var yaml = IngressOfA("[{protocol: SCTP, port: 81}]");
        AssertLines(IntoA(yaml), $"{B} => {A} : SCTP 81");
        AssertEvalDenied(yaml, "ns1/b", "ns1/a", "81", "TCP");
        AssertEvalAllowed(yaml, "ns1/b", "ns1/a", "81", "SCTP");
    }

    // §7.24 a UDP-only rule blocks TCP to the same port — K8S-E2E "should not allow access by TCP when a policy specifies only UDP"
    [Fact]
    public void UDP_port_does_not_allow_TCP_on_the_same_port()
    {
        var yaml = IngressOfA("[{protocol: UDP, port: 53}]");
        AssertLines(IntoA(yaml), $"{B} => {A} : UDP 53");
        var result = Eval(yaml, "ns1/b", "ns1/a", "53", "TCP");
        AssertVerdict(result, false, $"{B} => {A} : TCP 53");
    }

    // §7.25 port 32000 with endPort 32768 is the inclusive range 32000-32768 — K8S-DOC "Targeting a range of ports"
    [Fact]
    public void EndPort_gives_an_inclusive_range()
    {
        var yaml = IngressOfA("[{port: 32000, endPort: 32768}]");
        AssertLines(IntoA(yaml), $"{B} => {A} : TCP 32000-32768");
        AssertEvalAllowed(yaml, "ns1/b", "ns1/a", "32768");
        AssertEvalDenied(yaml, "ns1/b", "ns1/a", "32769");
    }

    // §7.25 endPort equal to port is legal and means that one port — K8S-VALID
    [Fact]
    public void EndPort_equal_to_port_is_one_port()
    {
        AssertLines(IntoA(IngressOfA("[{port: 80, endPort: 80}]")), $"{B} => {A} : TCP 80");
    }

    // §3.4 port entries are ORed; the output merges touching ranges and sorts protocols (conformance README "Connections")
    [Fact]
    public void Port_entries_are_a_union()
    {
        var yaml = IngressOfA("[{port: 80}, {port: 81, endPort: 82}, {protocol: UDP, port: 53}, {protocol: SCTP, port: 9}]");
        AssertLines(IntoA(yaml), $"{B} => {A} : SCTP 9,TCP 80-82,UDP 53");
    }
}
