using System.Text.Json.Nodes;
using Portolan.Kubernetes.Live;

namespace Portolan.Tests.Live;

/// <summary>
/// The real kubectl reads the fixture API server: the check that the hand-written discovery, lists
/// and paging are what an API server sends. And an object's text in Portolan's messages is what
/// kubectl get -o json prints, so the line numbers in messages point into kubectl's output.
/// </summary>
public sealed class KubectlFidelityTests
{
    private static string[] Names(string json) =>
        [.. ((JsonArray)JsonNode.Parse(json)!["items"]!).Select(i => $"{i!["metadata"]!["namespace"]?.GetValue<string>()}/{i["metadata"]!["name"]!.GetValue<string>()}")];

    private static string[] FixtureNames(LiveFixture live, string resource) =>
        Names(File.ReadAllText(Path.Combine(live.Server.Scenario, resource + ".json")));

    [KubectlFact]
    public async Task Kubectl_lists_pods_in_every_namespace_across_pages()
    {
        await using var live = new LiveFixture();
        live.Server.MaxPage = 3;
        var result = Kubectl.Run(live.Directory.Path, "--kubeconfig", live.Kubeconfig, "get", "pods", "-A", "-o", "json");
        Assert.True(result.Exit == 0, result.Stderr);
        Assert.Equal(FixtureNames(live, "core/v1/pods").Order(StringComparer.Ordinal), Names(result.Stdout).Order(StringComparer.Ordinal));
        Assert.Contains(live.Server.Requests, r => r.StartsWith("/api/v1/pods?", StringComparison.Ordinal) && r.Contains("continue=", StringComparison.Ordinal));
        // Built-in list items come without apiVersion and kind; kubectl fills them in from the list.
        Assert.All(((JsonArray)JsonNode.Parse(result.Stdout)!["items"]!), i => Assert.Equal("Pod", i!["kind"]!.GetValue<string>()));
    }

    [KubectlFact]
    public async Task Kubectl_prints_network_policies_of_every_namespace()
    {
        await using var live = new LiveFixture();
        var table = Kubectl.Run(live.Directory.Path, "--kubeconfig", live.Kubeconfig, "get", "networkpolicies", "-A");
        Assert.True(table.Exit == 0, table.Stderr);
        var rows = table.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(c => $"{c[0]}/{c[1]}");
        Assert.Equal(FixtureNames(live, "networking.k8s.io/v1/networkpolicies").Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
    }

    [KubectlFact]
    public async Task Kubectl_reads_the_admin_tier_CRDs_by_discovery()
    {
        await using var live = new LiveFixture();
        foreach (var (kind, file) in new[]
        {
            ("adminnetworkpolicies", "policy.networking.k8s.io/v1alpha1/adminnetworkpolicies"),
            ("banp", "policy.networking.k8s.io/v1alpha1/baselineadminnetworkpolicies"),
            ("clusternetworkpolicies", "policy.networking.k8s.io/v1alpha2/clusternetworkpolicies"),
        })
        {
            var result = Kubectl.Run(live.Directory.Path, "--kubeconfig", live.Kubeconfig, "get", kind, "-o", "json");
            Assert.True(result.Exit == 0, result.Stderr);
            Assert.Equal(FixtureNames(live, file), Names(result.Stdout));
        }
        live.Server.Hidden.Add("policy.networking.k8s.io/v1alpha1");
        live.Server.Hidden.Add("policy.networking.k8s.io/v1alpha2");
        var absent = Kubectl.Run(Path.Combine(live.Directory.Path, "fresh-cache"), "--kubeconfig", live.Kubeconfig, "get", "adminnetworkpolicies");
        Assert.NotEqual(0, absent.Exit);
        Assert.Contains("the server doesn't have a resource type \"adminnetworkpolicies\"", absent.Stderr, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task An_objects_text_is_what_kubectl_get_prints()
    {
        await using var live = new LiveFixture();
        using var client = KubeconfigSource.Open([live.Kubeconfig], true, null);
        var state = await new LiveReader(client, null, _ => { }).ReadAsync(CancellationToken.None);
        foreach (var (resource, ns, name) in new[]
        {
            ("networkpolicies", "shop", "frontend"),
            ("networkpolicies", "data", "redis-temporary-fix"),
            ("pods", "data", "postgres-0"),
            ("adminnetworkpolicies", null, "protect-redis"),
            ("clusternetworkpolicies", null, "kube-system-dns-only"),
        })
        {
            var item = state.Find(ApiResource.All.Single(r => r.Plural == resource), (ns, name))!;
            string[] args = ns is null ? ["get", resource, name, "-o", "json"] : ["get", resource, "-n", ns, name, "-o", "json"];
            var result = Kubectl.Run(live.Directory.Path, ["--kubeconfig", live.Kubeconfig, .. args]);
            Assert.True(result.Exit == 0, result.Stderr);
            Assert.Equal(result.Stdout.TrimEnd('\n'), item.Text);
        }
    }
}
