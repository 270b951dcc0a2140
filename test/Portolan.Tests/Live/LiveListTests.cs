using Portolan.Tests.Support;

namespace Portolan.Tests.Live;

/// <summary>list, eval and the input rules against the fixture API server (real HTTPS on loopback).</summary>
public sealed class LiveListTests
{
    [Fact]
    public async Task List_of_the_live_shop_equals_list_of_the_shop_manifests()
    {
        await using var live = new LiveFixture().WithoutAdminCrds();
        // Running pods have IPs, the manifests' templates none: compare where IPs do not matter.
        var fromCluster = LiveFixture.Run("list", "--kubeconfig", live.Kubeconfig, "-A", "--ipblock-scope", "external");
        var fromFiles = CliRunner.Run("list", Path.Combine(Paths.Examples, "shop"), "--ipblock-scope", "external");
        Assert.Equal(0, fromCluster.Exit);
        Assert.Equal(0, fromFiles.Exit);
        Assert.Equal(fromFiles.Stdout, fromCluster.Stdout);
        Assert.Contains("shop/frontend[Deployment] => shop/api[Deployment] : TCP 50051", fromCluster.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_CRDs_are_noted_and_their_kinds_are_absent()
    {
        await using var live = new LiveFixture().WithoutAdminCrds();
        var result = LiveFixture.Run("list", "--kubeconfig", live.Kubeconfig, "-A");
        Assert.Equal(0, result.Exit);
        foreach (var kind in new[] { "AdminNetworkPolicy", "BaselineAdminNetworkPolicy", "ClusterNetworkPolicy" })
            Assert.Contains($"does not serve policy.networking.k8s.io/v1alpha", result.Stderr.Split('\n').Single(l => l.Contains($" {kind} objects are taken to be absent", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(live.Server.Url, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(live.Server.Requests, r => r.Contains("adminnetworkpolicies", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Running_pods_are_reported_under_their_top_controller()
    {
        await using var live = new LiveFixture().WithoutAdminCrds();
        var result = LiveFixture.Run("list", "--kubeconfig", live.Kubeconfig, "-A");
        Assert.Equal(0, result.Exit);
        Assert.DoesNotContain("[ReplicaSet]", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("[Job]", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("frontend-5d8c7b9f4", result.Stdout, StringComparison.Ordinal);
        // The CronJob between runs (its last pod Succeeded) stands in by its template.
        Assert.Contains("shop/report[CronJob] => data/postgres[StatefulSet] : TCP 5432", result.Stdout, StringComparison.Ordinal);
        // With IPs known, 10.244.0.21 (postgres-0) is a pod, not part of an external range.
        Assert.Contains("10.244.0.20,10.244.0.23-", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_tier_policies_are_read_from_their_CRDs()
    {
        await using var live = new LiveFixture();
        var result = LiveFixture.Run("eval", "--kubeconfig", live.Kubeconfig, "-A", "--source", "monitoring/prometheus", "--destination", "data/redis", "--port", "6379");
        Assert.Equal(1, result.Exit);
        Assert.Contains("AdminNetworkPolicy protect-redis", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{live.Server.Url}/apis/policy.networking.k8s.io/v1alpha1/adminnetworkpolicies/protect-redis", result.Stdout, StringComparison.Ordinal);
        var dns = LiveFixture.Run("eval", "--kubeconfig", live.Kubeconfig, "-A", "--source", "shop/api", "--destination", "kube-system/coredns", "--port", "53", "--protocol", "UDP");
        Assert.Equal(0, dns.Exit);
        Assert.Contains("ClusterNetworkPolicy kube-system-dns-only", dns.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paging_follows_continue_tokens_to_the_same_result()
    {
        await using var live = new LiveFixture().WithoutAdminCrds();
        var whole = LiveFixture.Run("list", "--kubeconfig", live.Kubeconfig, "-A");
        live.Server.MaxPage = 3;
        var paged = LiveFixture.Run("list", "--kubeconfig", live.Kubeconfig, "-A");
        Assert.Equal(0, paged.Exit);
        Assert.Equal(whole.Stdout, paged.Stdout);
        // 8 pods in pages of 3: three requests for pods, two of them with a continue token.
        var pods = live.Server.Requests.Where(r => r.StartsWith("/api/v1/pods?", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, pods.Count);
        Assert.Equal(2, pods.Count(r => r.Contains("continue=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Namespace_options_choose_what_is_read()
    {
        await using var live = new LiveFixture().WithoutAdminCrds();
        var one = LiveFixture.Run("list", "--kubeconfig", live.Kubeconfig, "-n", "shop");
        Assert.Equal(0, one.Exit);
        Assert.Contains("/api/v1/namespaces/shop/pods?limit=500", live.Server.Requests);
        Assert.DoesNotContain("data/postgres", one.Stdout, StringComparison.Ordinal);
        Assert.Contains("shop/frontend[Deployment]", one.Stdout, StringComparison.Ordinal);
        Assert.Contains("namespace shop", one.Stderr, StringComparison.Ordinal);

        var all = LiveFixture.Run("list", "--kubeconfig", live.Kubeconfig, "-A", "-n", "shop");
        Assert.Contains("/api/v1/pods?limit=500", live.Server.Requests);
        Assert.Contains("data/postgres", all.Stdout, StringComparison.Ordinal);

        // Neither: the context's namespace, as kubectl does.
        var withNamespace = live.Server.WriteKubeconfig(live.Directory, live.Certificates, ns: "data", name: "kubeconfig-data");
        var context = LiveFixture.Run("list", "--kubeconfig", withNamespace);
        Assert.Equal(0, context.Exit);
        Assert.Contains("/apis/apps/v1/namespaces/data/statefulsets?limit=500", live.Server.Requests);
        Assert.DoesNotContain("shop/", context.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KUBECONFIG_is_read_when_no_path_is_given_and_paths_win_over_it()
    {
        await using var live = new LiveFixture().WithoutAdminCrds();
        var environment = new Dictionary<string, string> { ["KUBECONFIG"] = $"/nonexistent/config{Path.PathSeparator}{live.Kubeconfig}" };
        var fromEnvironment = CliRunner.RunWithEnvironment(environment, "", "list", "-A");
        Assert.True(fromEnvironment.Exit == 0, fromEnvironment.Stderr);
        Assert.Contains("data/postgres", fromEnvironment.Stdout, StringComparison.Ordinal);

        var files = CliRunner.RunWithEnvironment(environment, "", "list", Path.Combine(Paths.Examples, "shop"));
        Assert.True(files.Exit == 0, files.Stderr);
        Assert.DoesNotContain(live.Server.Url, files.Stderr, StringComparison.Ordinal);

        var both = LiveFixture.Run("list", Path.Combine(Paths.Examples, "shop"), "--kubeconfig", live.Kubeconfig);
        Assert.Equal(2, both.Exit);
        Assert.Equal("", both.Stdout);
        Assert.Contains("not both", both.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_compares_the_live_cluster_with_new_manifests()
    {
        await using var live = new LiveFixture().WithoutAdminCrds();
        var shop = Path.Combine(Paths.Examples, "shop");
        var same = LiveFixture.Run("diff", "--kubeconfig", live.Kubeconfig, "-A", shop, "--ipblock-scope", "external");
        Assert.Equal(0, same.Exit);
        Assert.DoesNotContain("diff-type", same.Stdout, StringComparison.Ordinal);

        // With the admin-tier CRDs served, the cluster's BaselineAdminNetworkPolicy denies ingress to monitoring; the manifests allow it.
        live.Server.Hidden.Clear();
        var differs = LiveFixture.Run("diff", "--kubeconfig", live.Kubeconfig, "-A", shop, "--ipblock-scope", "external");
        Assert.Equal(1, differs.Exit);
        Assert.Contains("diff-type: added, source: kube-system/coredns[Deployment], destination: monitoring/prometheus[Deployment], ref1: No Connections, ref2: All Connections", differs.Stdout, StringComparison.Ordinal);

        var twoPaths = LiveFixture.Run("diff", "--kubeconfig", live.Kubeconfig, shop, shop);
        Assert.Equal(2, twoPaths.Exit);
    }
}
