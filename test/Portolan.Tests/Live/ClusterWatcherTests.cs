using System.Text.Json.Nodes;
using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Model;
using Portolan.Kubernetes.Live;

namespace Portolan.Tests.Live;

/// <summary>List then watch against the fixture: policy and pod events become the incremental engine's changes.</summary>
public sealed class ClusterWatcherTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static JsonObject Policy(string name, int port) => (JsonObject)JsonNode.Parse($$$$"""
        {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
         "metadata": {"name": "{{{{name}}}}", "namespace": "data", "uid": "d0e1f2a3-0011-4c7d-a8b9-000000000001", "creationTimestamp": "2026-11-27T12:00:00Z"},
         "spec": {"podSelector": {"matchLabels": {"app": "redis"}}, "policyTypes": ["Egress"],
                  "egress": [{"to": [{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "kube-system"}}}], "ports": [{"protocol": "TCP", "port": {{{{port}}}}}]}]}}
        """)!;

    private static JsonObject Pod(string name, string ip) => (JsonObject)JsonNode.Parse($$$$"""
        {"apiVersion": "v1", "kind": "Pod",
         "metadata": {"name": "{{{{name}}}}", "namespace": "shop", "uid": "d0e1f2a3-0011-4c7d-a8b9-000000000002", "creationTimestamp": "2026-11-27T12:00:00Z",
                      "labels": {"app": "report", "tier": "batch", "job-name": "report-29401620"},
                      "ownerReferences": [{"apiVersion": "batch/v1", "kind": "Job", "name": "report-29401620", "uid": "d0e1f2a3-0011-4c7d-a8b9-000000000003", "controller": true}]},
         "spec": {"containers": [{"name": "report", "image": "shop/report:1.0"}], "restartPolicy": "OnFailure"},
         "status": {"phase": "Running", "podIP": "{{{{ip}}}}", "podIPs": [{"ip": "{{{{ip}}}}"}]}}
        """)!;

    private static JsonObject Job(string name) => (JsonObject)JsonNode.Parse($$$$"""
        {"apiVersion": "batch/v1", "kind": "Job",
         "metadata": {"name": "{{{{name}}}}", "namespace": "shop", "uid": "d0e1f2a3-0011-4c7d-a8b9-000000000003", "creationTimestamp": "2026-11-27T12:00:00Z",
                      "ownerReferences": [{"apiVersion": "batch/v1", "kind": "CronJob", "name": "report", "uid": "e4f5a6b7-0008-4b2c-e5f6-000000000001", "controller": true}]},
         "spec": {"template": {"metadata": {"labels": {"app": "report", "tier": "batch"}}, "spec": {"containers": [{"name": "report", "image": "shop/report:1.0"}], "restartPolicy": "OnFailure"} } } }
        """)!;

    [Fact]
    public async Task Policy_events_become_changes_the_engine_applies()
    {
        await using var live = new LiveFixture().WithoutAdminCrds();
        var notes = new List<string>();
        using var client = KubeconfigSource.Open([live.Kubeconfig], true, null);
        using var cancel = new CancellationTokenSource(Patience * 3);
        await using var events = new ClusterWatcher(client, null, notes.Add).WatchAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);

        var listed = Assert.IsType<ClusterReplaced>(await Next(events));
        var analysis = new IncrementalAnalysis(listed.Cluster, IPBlockScope.All);
        await WaitFor(() => live.Server.OpenWatches >= 11);

        live.Server.Apply("ADDED", "networking.k8s.io/v1/networkpolicies", Policy("redis-egress", 443));
        var added = Assert.IsType<PolicyAdded>(Assert.IsType<ClusterChanged>(await Next(events)).Change);
        Assert.Equal("data/redis-egress", added.Policy.DisplayName);
        Assert.Equal($"{live.Server.Url}/apis/networking.k8s.io/v1/namespaces/data/networkpolicies/redis-egress", added.Policy.Origin.File);
        var opened = analysis.Apply(added);
        Assert.Contains(opened.Opened.Concat(opened.Closed), c => c.ToString()!.Contains("data/redis", StringComparison.Ordinal));

        live.Server.Apply("MODIFIED", "networking.k8s.io/v1/networkpolicies", Policy("redis-egress", 8443));
        var changed = Assert.IsType<PolicyChanged>(Assert.IsType<ClusterChanged>(await Next(events)).Change);
        Assert.Same(added.Policy, changed.Old);
        analysis.Apply(changed);

        live.Server.Apply("DELETED", "networking.k8s.io/v1/networkpolicies", Policy("redis-egress", 8443));
        var removed = Assert.IsType<PolicyRemoved>(Assert.IsType<ClusterChanged>(await Next(events)).Change);
        Assert.Same(changed.New, removed.Policy);
        analysis.Apply(removed);

        // Back where it started: the same connections as the first list.
        Assert.Equal(Render(new IncrementalAnalysis(listed.Cluster, IPBlockScope.All)), Render(analysis));
    }

    [Fact]
    public async Task A_running_pod_replaces_its_workloads_template_and_gives_it_back()
    {
        await using var live = new LiveFixture().WithoutAdminCrds();
        using var client = KubeconfigSource.Open([live.Kubeconfig], true, null);
        using var cancel = new CancellationTokenSource(Patience * 3);
        await using var events = new ClusterWatcher(client, null, _ => { }).WatchAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);
        var listed = Assert.IsType<ClusterReplaced>(await Next(events));
        var template = Assert.Single(listed.Cluster.Pods, p => p.Workload.ToString() == "shop/report[CronJob]");
        await WaitFor(() => live.Server.OpenWatches >= 11);

        // The job first (a workload: the state is rebuilt), then its pod.
        live.Server.Apply("ADDED", "batch/v1/jobs", Job("report-29401620"));
        var rebuilt = Assert.IsType<ClusterReplaced>(await Next(events));
        template = Assert.Single(rebuilt.Cluster.Pods, p => p.Workload.ToString() == "shop/report[CronJob]");
        var analysis = new IncrementalAnalysis(rebuilt.Cluster, IPBlockScope.All);

        live.Server.Apply("ADDED", "core/v1/pods", Pod("report-29401620-k2v9q", "10.244.0.41"));
        var gone = Assert.IsType<PodRemoved>(Assert.IsType<ClusterChanged>(await Next(events)).Change);
        Assert.Same(template, gone.Pod);
        var running = Assert.IsType<PodAdded>(Assert.IsType<ClusterChanged>(await Next(events)).Change);
        Assert.Equal("shop/report[CronJob]", running.Pod.Workload.ToString());
        Assert.Equal("10.244.0.41", Assert.Single(running.Pod.IPs).ToString());
        analysis.Apply(gone);
        analysis.Apply(running);

        live.Server.Apply("DELETED", "core/v1/pods", Pod("report-29401620-k2v9q", "10.244.0.41"));
        Assert.Same(running.Pod, Assert.IsType<PodRemoved>(Assert.IsType<ClusterChanged>(await Next(events)).Change).Pod);
        var back = Assert.IsType<PodAdded>(Assert.IsType<ClusterChanged>(await Next(events)).Change);
        Assert.Equal("shop/report[CronJob]", back.Pod.Workload.ToString());
        Assert.Empty(back.Pod.IPs);
    }

    [Fact]
    public async Task An_expired_resource_version_relists()
    {
        await using var live = new LiveFixture().WithoutAdminCrds();
        using var client = KubeconfigSource.Open([live.Kubeconfig], true, null);
        using var cancel = new CancellationTokenSource(Patience * 3);
        var watcher = new ClusterWatcher(client, null, _ => { }) { RetryDelay = TimeSpan.FromMilliseconds(50) };
        await using var events = watcher.WatchAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);
        Assert.IsType<ClusterReplaced>(await Next(events));
        await WaitFor(() => live.Server.OpenWatches >= 11);

        // A change is made while history is compacted and the watches dropped: their resourceVersion is now too old.
        live.Server.Apply("ADDED", "networking.k8s.io/v1/networkpolicies", Policy("redis-egress", 443));
        Assert.IsType<ClusterChanged>(await Next(events));
        live.Server.Apply("MODIFIED", "networking.k8s.io/v1/networkpolicies", Policy("redis-egress", 8443));
        live.Server.Compact();
        ClusterEvent next;
        do next = await Next(events);
        while (next is ClusterChanged { Change: PolicyChanged });
        var relisted = Assert.IsType<ClusterReplaced>(next);
        Assert.Contains("410 Gone", relisted.Reason, StringComparison.Ordinal);
        var policy = Assert.Single(relisted.Cluster.Policies, p => p.DisplayName == "data/redis-egress");
        Assert.Equal(8443, Assert.IsType<PortRangeMatch>(Assert.Single(policy.Egress[0].Ports)).From);
        Assert.Contains(live.Server.Requests, r => r.StartsWith("/apis/networking.k8s.io/v1/networkpolicies?limit=", StringComparison.Ordinal));
    }

    private static string Render(IncrementalAnalysis analysis) => string.Join('\n', analysis.Result().Connections.Select(c => c.ToString()));

    private static async Task<ClusterEvent> Next(IAsyncEnumerator<ClusterEvent> events)
    {
        var move = events.MoveNextAsync().AsTask();
        if (await Task.WhenAny(move, Task.Delay(Patience)) != move) throw new TimeoutException("no watch event within " + Patience);
        Assert.True(await move, "the watch ended");
        return events.Current;
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met within " + Patience);
            await Task.Delay(20);
        }
    }
}
