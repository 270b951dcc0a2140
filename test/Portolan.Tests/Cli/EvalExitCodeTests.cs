using Portolan.Tests.Support;

namespace Portolan.Tests.Cli;

/// <summary>eval answers with its exit code: 0 allowed, 1 denied (like kubectl auth can-i).</summary>
public sealed class EvalExitCodeTests
{
    private const string Cluster = """
        apiVersion: v1
        kind: Pod
        metadata: {name: api, namespace: shop, labels: {app: api}}
        spec: {containers: [{name: api, ports: [{name: grpc, containerPort: 50051}]}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: api}}
          ingress:
            - from: [{podSelector: {matchLabels: {app: web}}}]
              ports: [{port: grpc}]
        """;

    [Theory]
    [InlineData("shop/web", "shop/api", "50051", 0, "ALLOWED: shop/web[Pod] => shop/api[Pod] : TCP 50051")]
    [InlineData("shop/web", "shop/api", "grpc", 0, "ALLOWED: shop/web[Pod] => shop/api[Pod] : TCP 50051 (grpc)")]
    [InlineData("shop/web", "shop/api", "8080", 1, "DENIED: shop/web[Pod] => shop/api[Pod] : TCP 8080")]
    [InlineData("web", "shop/api", "50051", 2, null)]
    public void The_exit_code_is_the_answer(string source, string destination, string port, int exit, string? verdict)
    {
        var result = CliRunner.RunWithStdin(Cluster, "eval", "-", "-s", source, "-d", destination, "-p", port);
        Assert.Equal(exit, result.Exit);
        if (verdict is null) Assert.Equal("", result.Stdout);
        else Assert.Equal(verdict, result.Stdout.Split('\n')[0]);
    }

    [Fact]
    public void The_protocol_can_be_chosen()
    {
        var result = CliRunner.RunWithStdin(Cluster, "eval", "-", "-s", "shop/web", "-d", "shop/api", "-p", "50051", "--protocol", "UDP");
        Assert.Equal(1, result.Exit);
        Assert.StartsWith("DENIED: shop/web[Pod] => shop/api[Pod] : UDP 50051\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_input_is_exit_3_never_1_so_scripts_cannot_mistake_it_for_denied()
    {
        var result = CliRunner.RunWithStdin(Cluster.Replace("port: grpc", "port: 0", StringComparison.Ordinal),
            "eval", "-", "-s", "shop/web", "-d", "shop/api", "-p", "50051");
        InvalidInput.AssertRejected(result, "<stdin>:17", "NetworkPolicy shop/api", "spec.ingress[0].ports[0].port: 0 is not a port number");
    }

    [Fact]
    public void A_bare_pod_may_always_reach_itself()
    {
        var result = CliRunner.RunWithStdin(Cluster, "eval", "-", "-s", "shop/api", "-d", "shop/api", "-p", "50051");
        Assert.Equal(0, result.Exit);
    }
}
