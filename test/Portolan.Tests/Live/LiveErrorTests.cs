using System.Net;
using System.Net.Sockets;

namespace Portolan.Tests.Live;

/// <summary>Clear messages and exit 3 when the cluster cannot be read; nothing on stdout.</summary>
public sealed class LiveErrorTests
{
    [Fact]
    public async Task An_unreachable_server_is_named()
    {
        await using var live = new LiveFixture();
        // A port that was free a moment ago: nothing listens there.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var config = File.ReadAllText(live.Kubeconfig).Replace(live.Server.Url, $"https://127.0.0.1:{port}", StringComparison.Ordinal);
        var path = Path.Combine(live.Directory.Path, live.Directory.Write("unreachable", config));
        var result = LiveFixture.Run("list", "--kubeconfig", path, "-A");
        Assert.Equal(3, result.Exit);
        Assert.Equal("", result.Stdout);
        Assert.Contains($"cannot reach the API server at https://127.0.0.1:{port} (trying to list namespaces (cluster-scoped))", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forbidden_names_the_resource_and_the_verb()
    {
        await using var live = new LiveFixture();
        live.Server.Forbidden.Add("pods");
        var result = LiveFixture.Run("list", "--kubeconfig", live.Kubeconfig, "-A");
        Assert.Equal(3, result.Exit);
        Assert.Equal("", result.Stdout);
        Assert.Contains("portolan: error: forbidden: context \"fixture\" may not list pods in all namespaces (403 from https://127.0.0.1:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("cannot list resource \"pods\" in API group \"\" at the cluster scope", result.Stderr, StringComparison.Ordinal);

        live.Server.Forbidden.Add("networkpolicies");
        live.Server.Forbidden.Remove("pods");
        var inNamespace = LiveFixture.Run("list", "--kubeconfig", live.Kubeconfig, "-n", "shop");
        Assert.Equal(3, inNamespace.Exit);
        Assert.Contains("may not list networkpolicies.networking.k8s.io in namespace shop", inNamespace.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_credentials_are_unauthorized()
    {
        await using var live = new LiveFixture();
        var config = File.ReadAllText(live.Kubeconfig).Replace(FixtureApiServer.Token, "stale-token", StringComparison.Ordinal);
        var path = Path.Combine(live.Directory.Path, live.Directory.Write("stale", config));
        var result = LiveFixture.Run("list", "--kubeconfig", path);
        Assert.Equal(3, result.Exit);
        Assert.Contains("unauthorized: the API server at https://127.0.0.1:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("rejected the credentials of context \"fixture\" (401", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_the_kubeconfig_does_not_trust_is_refused()
    {
        await using var live = new LiveFixture();
        using var other = new FixtureCertificates();
        var path = live.Server.WriteKubeconfig(live.Directory, other, name: "other-ca");
        var result = LiveFixture.Run("list", "--kubeconfig", path);
        Assert.Equal(3, result.Exit);
        Assert.Contains($"cannot reach the API server at {live.Server.Url}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("SSL", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(live.Server.Requests);
    }

    [Fact]
    public async Task An_unknown_context_lists_the_known_ones()
    {
        await using var live = new LiveFixture();
        var result = LiveFixture.Run("list", "--kubeconfig", live.Kubeconfig, "--context", "prod");
        Assert.Equal(3, result.Exit);
        Assert.Contains($"{live.Kubeconfig}: context \"prod\" is not defined (contexts: fixture)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_kubeconfig_field_is_named_with_its_line()
    {
        await using var live = new LiveFixture();
        var path = Path.Combine(live.Directory.Path, live.Directory.Write("bad", """
            apiVersion: v1
            kind: Config
            clusters:
            - name: c
              cluster:
                server: not a url
            contexts:
            - name: c
              context: {cluster: c}
            current-context: c
            """));
        var result = LiveFixture.Run("list", "--kubeconfig", path);
        Assert.Equal(3, result.Exit);
        Assert.Contains($"{path}:6: kubeconfig: cluster.server: must be an http or https URL, not \"not a url\"", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_kubeconfig_is_an_error()
    {
        var result = LiveFixture.Run("list", "--kubeconfig", "/nonexistent/kubeconfig");
        Assert.Equal(3, result.Exit);
        Assert.Contains("/nonexistent/kubeconfig: kubeconfig not found", result.Stderr, StringComparison.Ordinal);
    }
}
