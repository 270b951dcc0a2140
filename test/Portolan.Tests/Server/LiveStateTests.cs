using System.Text.Json.Nodes;
using Portolan.Kubernetes.Live;
using Portolan.Server.State;
using Portolan.Tests.Live;
using static Portolan.Tests.Server.Reviews;

namespace Portolan.Tests.Server;

/// <summary>The webhook's state from a live cluster (the fixture API server): listed, then kept current by the watch.</summary>
public sealed class LiveStateTests
{
    private const string NetworkPolicies = "networking.k8s.io/v1/networkpolicies";

    [Fact]
    public async Task A_policy_deleted_in_the_cluster_is_gone_from_the_state_the_webhook_decides_against()
    {
        await using var cluster = new LiveFixture();
        await using var webhook = await WebhookHarness.StartAsync("", source: _ =>
            new LiveStateSource(() => KubeconfigSource.Open([cluster.Kubeconfig], true, null), null, _ => { }));
        var delete = Review("uid-live-1", "DELETE", "networking.k8s.io", "NetworkPolicy", "postgres", "data");
        var before = await webhook.ReviewAsync(delete);
        Assert.True(before["allowed"]!.GetValue<bool>());
        var warnings = before["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ToList();
        // data has a default-deny: deleting the policy that lets the clients in closes connections.
        Assert.Contains(warnings, w => w.StartsWith("portolan: closes 3 connections, e.g. ", StringComparison.Ordinal) && w.Contains("=> data/postgres", StringComparison.Ordinal));

        var stored = File.ReadAllText(Path.Combine(cluster.Server.Scenario, NetworkPolicies + ".json"));
        var postgres = JsonNode.Parse(stored)!["items"]!.AsArray().Select(i => i!.AsObject()).Single(i => i["metadata"]!["name"]!.GetValue<string>() == "postgres");
        cluster.Server.Apply("DELETED", NetworkPolicies, postgres);
        await Until(() => webhook.Server.State.Cluster!.Policies.All(p => !(p.Namespace == "data" && p.Name == "postgres")));

        var after = await webhook.ReviewAsync(Review("uid-live-2", "DELETE", "networking.k8s.io", "NetworkPolicy", "postgres", "data"));
        Assert.Equal("portolan: NetworkPolicy data/postgres is not in the analysed state; deleting it changes nothing Portolan knows of", after["warnings"]![0]!.GetValue<string>());
        // Creating it again opens what its deletion closed.
        var recreate = await webhook.ReviewAsync(Review("uid-live-3", "CREATE", "networking.k8s.io", "NetworkPolicy", "postgres", "data",
            NetworkPolicy("data", "postgres", postgres["spec"]!.ToJsonString())));
        var opened = recreate["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ToList();
        Assert.Equal(3, opened.Count(w => w.StartsWith("portolan: opens ", StringComparison.Ordinal) && w.Contains("=> data/postgres", StringComparison.Ordinal)));
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the watch did not deliver the change within 30 s");
            await Task.Delay(50);
        }
    }
}
