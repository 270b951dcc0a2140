using static Portolan.Tests.Cli.Manifests;

namespace Portolan.Tests.Cli;

/// <summary>Ports the API server would reject: protocol, number, name and endPort (semantics §3.7).</summary>
public sealed class PortValidationTests
{
    private const string Web = "NetworkPolicy shop/web";

    private static string Ports(string port) => NetworkPolicy($"""
          podSelector: {"{}"}
          ingress:
            - ports:
                - {port}
        """);

    [Theory]
    [InlineData("ICMP")]
    [InlineData("tcp")]
    [InlineData("HTTP")]
    public void A_protocol_other_than_TCP_UDP_SCTP_is_rejected(string protocol) => InvalidInput.Rejects(Ports(
        $"{{protocol: {protocol}, port: 80}}  # <-"), Web, $"spec.ingress[0].ports[0].protocol: \"{protocol}\" is not a protocol (TCP, UDP or SCTP)");

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("-1")]
    public void A_port_out_of_range_is_rejected(string port) => InvalidInput.Rejects(Ports(
        $"{{port: {port}}}  # <-"), Web, $"spec.ingress[0].ports[0].port: {port} is not a port number (1-65535)");

    [Fact]
    public void An_endPort_out_of_range_is_rejected() => InvalidInput.Rejects(NetworkPolicy("""
          podSelector: {}
          ingress:
            - ports:
                - port: 8000
                  endPort: 70000  # <-
        """), Web, "spec.ingress[0].ports[0].endPort: 70000 is not a port number (1-65535)");

    [Theory]
    [InlineData("Http_Port")]
    [InlineData("http-port-for-metrics")]
    [InlineData("-http")]
    [InlineData("\"8080\"")]
    [InlineData("web--ui")]
    public void A_bad_port_name_is_rejected(string name) => InvalidInput.Rejects(Ports(
        $"{{port: {name}}}  # <-"), Web, "spec.ingress[0].ports[0].port: \"" + name.Trim('"') + "\" is neither a port number nor a valid port name");

    [Fact]
    public void EndPort_with_a_named_port_is_rejected() => InvalidInput.Rejects(NetworkPolicy("""
          podSelector: {}
          ingress:
            - ports:
                - port: http
                  endPort: 8090  # <-
        """), Web, "spec.ingress[0].ports[0].endPort: may not be specified when port is a named port (\"http\")");

    [Fact]
    public void EndPort_below_port_is_rejected() => InvalidInput.Rejects(Ports(
        "{port: 9000, endPort: 8000}  # <-"), Web, "spec.ingress[0].ports[0].endPort: 8000 must be greater than or equal to port 9000");

    [Fact]
    public void EndPort_without_port_is_rejected() => InvalidInput.Rejects(Ports(
        "{protocol: TCP, endPort: 8000}  # <-"), Web, "spec.ingress[0].ports[0].endPort: may not be specified without port");

    [Fact]
    public void Egress_ports_are_validated_too() => InvalidInput.Rejects(NetworkPolicy("""
          podSelector: {}
          policyTypes: [Egress]
          egress:
            - to: [{podSelector: {}}]
              ports:
                - {port: 53, protocol: UDP}
                - {port: 53, protocol: ICMP}  # <-
        """), Web, "spec.egress[0].ports[1].protocol: \"ICMP\" is not a protocol");

    [Fact]
    public void EndPort_equal_to_port_is_accepted()
    {
        using var dir = new Support.TempDirectory();
        dir.Write("p.yaml", Ports("{port: 8000, endPort: 8000}"));
        var result = Support.CliRunner.RunIn(dir.Path, "list", "p.yaml");
        Assert.Equal(0, result.Exit);
    }
}
