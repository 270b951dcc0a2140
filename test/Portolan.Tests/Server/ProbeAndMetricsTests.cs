using System.Net;
using Portolan.Server.Hosting;
using Portolan.Server.State;
using static Portolan.Tests.Server.Reviews;

namespace Portolan.Tests.Server;

/// <summary>/healthz, /readyz before and after the state loads, /metrics counting, and the failure policy while not ready.</summary>
public sealed class ProbeAndMetricsTests
{
    /// <summary>A directory source held back until the test releases it, to observe the server before the state loads.</summary>
    private sealed class GatedSource(string path) : IStateSource
    {
        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Description => path;

        public async Task RunAsync(PolicyState state, CancellationToken cancellation)
        {
            await Gate.Task.WaitAsync(cancellation);
            await new DirectoryStateSource([path], _ => { }).RunAsync(state, cancellation);
        }
    }

    [Theory]
    [InlineData(FailurePolicy.Closed)]
    [InlineData(FailurePolicy.Open)]
    public async Task Readyz_waits_for_the_state_and_the_failure_policy_answers_meanwhile(FailurePolicy policy)
    {
        GatedSource? source = null;
        await using var webhook = await WebhookHarness.StartAsync(Fixtures.Cluster, policy, source: p => source = new GatedSource(p), waitUntilReady: false);
        Assert.Equal("ok\n", await webhook.Client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        using (var notReady = await webhook.Client.GetAsync(new Uri("/readyz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            Assert.StartsWith("not ready: loading the cluster state from ", await notReady.Content.ReadAsStringAsync());
        }
        var early = await webhook.ReviewAsync(Review("uid-early", "DELETE", "networking.k8s.io", "NetworkPolicy", "default-deny", "shop"));
        Assert.Equal(policy == FailurePolicy.Open, early["allowed"]!.GetValue<bool>());
        var text = policy == FailurePolicy.Open ? early["warnings"]![0]!.GetValue<string>() : early["status"]!["message"]!.GetValue<string>();
        Assert.Equal($"portolan could not analyse this change (the cluster state is not loaded yet); {(policy == FailurePolicy.Open ? "allowed" : "denied")} because the webhook runs with --failure-policy {(policy == FailurePolicy.Open ? "open" : "closed")}", text);
        source!.Gate.SetResult();
        await webhook.Server.State.Ready.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("ok\n", await webhook.Client.GetStringAsync(new Uri("/readyz", UriKind.Relative)));
        var metrics = await webhook.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("portolan_admission_internal_errors_total 1\n", metrics);
    }

    [Fact]
    public async Task Metrics_count_requests_by_kind_and_operation_decisions_and_latency()
    {
        await using var webhook = await WebhookHarness.StartAsync(Fixtures.Cluster);
        var open = NetworkPolicy("shop", "web-open", """{"podSelector": {}, "ingress": [{}]}""");
        var invalid = NetworkPolicy("shop", "bad", """{"podSelector": {}, "ingress": [{"ports": [{"port": 0}]}]}""");
        await webhook.ReviewAsync(NetworkPolicyReview("m1", "CREATE", open));
        await webhook.ReviewAsync(NetworkPolicyReview("m2", "CREATE", open));
        await webhook.ReviewAsync(NetworkPolicyReview("m3", "CREATE", invalid));
        await webhook.ReviewAsync(Review("m4", "DELETE", "networking.k8s.io", "NetworkPolicy", "default-deny", "shop"));
        await webhook.ReviewAsync(Review("m5", "CREATE", "", "ConfigMap", "x", "shop"));
        await webhook.PostAsync("not json");
        using var response = await webhook.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var metrics = await response.Content.ReadAsStringAsync();
        Assert.Contains("portolan_admission_requests_total{kind=\"NetworkPolicy\",operation=\"CREATE\"} 3\n", metrics);
        Assert.Contains("portolan_admission_requests_total{kind=\"NetworkPolicy\",operation=\"DELETE\"} 1\n", metrics);
        Assert.Contains("portolan_admission_requests_total{kind=\"other\",operation=\"CREATE\"} 1\n", metrics);
        Assert.Contains("portolan_admission_decisions_total{decision=\"allowed\"} 4\n", metrics);
        Assert.Contains("portolan_admission_decisions_total{decision=\"denied\"} 1\n", metrics);
        Assert.Contains("portolan_admission_malformed_total 1\n", metrics);
        Assert.Contains("portolan_admission_duration_seconds_count 5\n", metrics);
        Assert.Contains("portolan_admission_duration_seconds_bucket{le=\"+Inf\"} 5\n", metrics);
        Assert.Contains("portolan_state_ready 1\n", metrics);
        Assert.Contains("portolan_state_pods 3\n", metrics);
        Assert.Contains("portolan_state_policies 3\n", metrics);
        // Cumulative buckets never decrease.
        var buckets = metrics.Split('\n').Where(l => l.StartsWith("portolan_admission_duration_seconds_bucket", StringComparison.Ordinal))
            .Select(l => long.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(buckets.Order(), buckets);
    }

    [Fact]
    public async Task The_root_page_is_the_map_of_the_stored_state_and_plain_http_is_refused()
    {
        await using var webhook = await WebhookHarness.StartAsync(Fixtures.Cluster);
        using var response = await webhook.Client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Portolan: the cluster&#39;s connectivity</title>", page);
        Assert.Contains("shop/web[Pod]", page);
        Assert.Contains("other/client[Pod]", page);
        Assert.DoesNotContain("src=\"http", page, StringComparison.OrdinalIgnoreCase);
        // Rendered once per state: the second request gets the same page.
        Assert.Equal(page, await webhook.Client.GetStringAsync(new Uri("/", UriKind.Relative)));
        using var plain = new HttpClient { BaseAddress = new UriBuilder(webhook.Server.Address) { Scheme = "http" }.Uri, Timeout = TimeSpan.FromSeconds(10) };
        var answered = false;
        try
        {
            using var overHttp = await plain.GetAsync(new Uri("/healthz", UriKind.Relative));
            answered = overHttp.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
        }
        Assert.False(answered);
    }
}
