using System.Text.Json.Nodes;
using static Portolan.Tests.Server.Reviews;

namespace Portolan.Tests.Server;

/// <summary>Reviews over real HTTPS on loopback against a loaded state: what is allowed, warned about and denied.</summary>
public sealed class AdmissionDecisionTests
{
    private static List<string> Warnings(JsonObject response) =>
        response["warnings"] is JsonArray list ? [.. list.Select(w => w!.GetValue<string>())] : [];

    [Fact]
    public async Task Creating_a_policy_that_opens_connections_is_allowed_with_the_new_exposure_as_warnings()
    {
        await using var webhook = await WebhookHarness.StartAsync(Fixtures.Cluster);
        var policy = NetworkPolicy("shop", "web-from-anywhere", """{"podSelector": {"matchLabels": {"app": "web"}}, "ingress": [{"ports": [{"port": 8080}]}]}""");
        var (status, review) = await webhook.PostAsync(NetworkPolicyReview("uid-create-1", "CREATE", policy));
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal("admission.k8s.io/v1", review["apiVersion"]!.GetValue<string>());
        Assert.Equal("AdmissionReview", review["kind"]!.GetValue<string>());
        var response = review["response"]!.AsObject();
        Assert.Equal("uid-create-1", response["uid"]!.GetValue<string>());
        Assert.True(response["allowed"]!.GetValue<bool>());
        Assert.Null(response["status"]);
        var warnings = Warnings(response);
        Assert.Contains("portolan: opens other/client[Pod] => shop/web[Pod] : TCP 8080", warnings);
        Assert.Contains("portolan: opens shop/db[Pod] => shop/web[Pod] : TCP 8080", warnings);
        Assert.Contains(warnings, w => w.StartsWith("portolan: opens ", StringComparison.Ordinal) && w.EndsWith("[External] => shop/web[Pod] : TCP 8080", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains("closes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deleting_the_default_deny_is_allowed_and_warns_about_everything_it_opens()
    {
        await using var webhook = await WebhookHarness.StartAsync(Fixtures.Cluster);
        var response = await webhook.ReviewAsync(Review("uid-delete", "DELETE", "networking.k8s.io", "NetworkPolicy", "default-deny", "shop"));
        Assert.True(response["allowed"]!.GetValue<bool>());
        // db stays isolated by db-from-web: only web is opened, to everything.
        Assert.Equal(
        [
            "portolan: opens 0.0.0.0-255.255.255.255[External] => shop/web[Pod] : All Connections",
            "portolan: opens other/client[Pod] => shop/web[Pod] : All Connections",
            "portolan: opens shop/db[Pod] => shop/web[Pod] : All Connections",
        ], Warnings(response));
    }

    [Fact]
    public async Task Opened_connections_past_the_bound_are_counted_not_listed()
    {
        await using var webhook = await WebhookHarness.StartAsync(Fixtures.Cluster, warningLimit: 1);
        var response = await webhook.ReviewAsync(Review("uid-bound", "DELETE", "networking.k8s.io", "NetworkPolicy", "default-deny", "shop"));
        Assert.Equal(
        [
            "portolan: opens 0.0.0.0-255.255.255.255[External] => shop/web[Pod] : All Connections",
            "portolan: ... and 2 more opened connections (3 in all; `portolan diff` lists them)",
        ], Warnings(response));
    }

    [Fact]
    public async Task Updating_a_policy_to_allow_less_is_allowed_and_names_what_it_closes()
    {
        await using var webhook = await WebhookHarness.StartAsync(Fixtures.Cluster);
        var narrower = NetworkPolicy("shop", "db-from-web", """{"podSelector": {"matchLabels": {"app": "db"}}, "ingress": [{"from": [{"podSelector": {"matchLabels": {"app": "web"}}}], "ports": [{"port": 5433}]}]}""");
        var response = await webhook.ReviewAsync(NetworkPolicyReview("uid-update", "UPDATE", narrower));
        Assert.True(response["allowed"]!.GetValue<bool>());
        var warnings = Warnings(response);
        Assert.Contains("portolan: opens shop/web[Pod] => shop/db[Pod] : TCP 5433", warnings);
        Assert.Contains("portolan: closes 1 connection, e.g. shop/web[Pod] => shop/db[Pod] : TCP 5432", warnings);
    }

    [Fact]
    public async Task A_change_that_opens_nothing_is_allowed_without_warnings()
    {
        await using var webhook = await WebhookHarness.StartAsync(Fixtures.Cluster);
        var same = NetworkPolicy("shop", "db-from-web", """{"podSelector": {"matchLabels": {"app": "db"}}, "ingress": [{"from": [{"podSelector": {"matchLabels": {"app": "web"}}}], "ports": [{"port": 5432}]}]}""");
        var response = await webhook.ReviewAsync(NetworkPolicyReview("uid-same", "UPDATE", same));
        Assert.True(response["allowed"]!.GetValue<bool>());
        Assert.Null(response["warnings"]);
    }

    [Fact]
    public async Task An_invalid_policy_is_denied_with_the_problem_in_the_status_message()
    {
        await using var webhook = await WebhookHarness.StartAsync(Fixtures.Cluster);
        var invalid = NetworkPolicy("shop", "bad-port", """{"podSelector": {}, "ingress": [{"ports": [{"port": 70000}]}]}""");
        var response = await webhook.ReviewAsync(NetworkPolicyReview("uid-invalid", "CREATE", invalid));
        Assert.Equal("uid-invalid", response["uid"]!.GetValue<string>());
        Assert.False(response["allowed"]!.GetValue<bool>());
        var status = response["status"]!.AsObject();
        Assert.Equal(403, status["code"]!.GetValue<int>());
        var message = status["message"]!.GetValue<string>();
        Assert.StartsWith("portolan: invalid NetworkPolicy shop/bad-port: spec.ingress[0].ports[0].port", message);
        Assert.Contains("70000", message);
        Assert.Contains(webhook.Log, line => line.Contains("uid-invalid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_admin_policy_with_a_taken_priority_is_denied_naming_both()
    {
        await using var webhook = await WebhookHarness.StartAsync(Fixtures.Cluster);
        var anp = AdminNetworkPolicy("second", 10, """{"namespaces": {}}""", """[{"name": "allow-all", "action": "Allow", "from": [{"namespaces": {}}]}]""");
        var response = await webhook.ReviewAsync(Review("uid-anp", "CREATE", "policy.networking.k8s.io", "AdminNetworkPolicy", "second", null, anp));
        Assert.False(response["allowed"]!.GetValue<bool>());
        var message = response["status"]!["message"]!.GetValue<string>();
        Assert.StartsWith("portolan: creating AdminNetworkPolicy second is refused: [admin-priority] AdminNetworkPolicy second: has the same Admin-tier priority 10 as AdminNetworkPolicy pass-shop", message);
    }

    [Fact]
    public async Task An_admin_policy_with_a_free_priority_is_analysed_like_any_other()
    {
        await using var webhook = await WebhookHarness.StartAsync(Fixtures.Cluster);
        var anp = AdminNetworkPolicy("open-db", 5, """{"pods": {"namespaceSelector": {}, "podSelector": {"matchLabels": {"app": "db"}}}}""",
            """[{"name": "from-client", "action": "Allow", "from": [{"pods": {"namespaceSelector": {}, "podSelector": {"matchLabels": {"app": "client"}}}}], "ports": [{"portNumber": {"protocol": "TCP", "port": 5432}}]}]""");
        var response = await webhook.ReviewAsync(Review("uid-anp-ok", "CREATE", "policy.networking.k8s.io", "AdminNetworkPolicy", "open-db", null, anp));
        Assert.True(response["allowed"]!.GetValue<bool>());
        Assert.Equal(["portolan: opens other/client[Pod] => shop/db[Pod] : TCP 5432"], Warnings(response));
    }

    [Fact]
    public async Task A_kind_the_webhook_does_not_analyse_is_allowed_with_a_note()
    {
        await using var webhook = await WebhookHarness.StartAsync(Fixtures.Cluster);
        var service = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Service", ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = "shop" } };
        var response = await webhook.ReviewAsync(Review("uid-service", "CREATE", "", "Service", "web", "shop", service));
        Assert.Equal("uid-service", response["uid"]!.GetValue<string>());
        Assert.True(response["allowed"]!.GetValue<bool>());
        Assert.Equal(["portolan: kind Service (core/v1) is not a policy kind Portolan analyses; allowed without analysis"], Warnings(response));
    }

    [Fact]
    public async Task Deleting_a_policy_the_state_does_not_hold_is_allowed_with_a_note()
    {
        await using var webhook = await WebhookHarness.StartAsync(Fixtures.Cluster);
        var response = await webhook.ReviewAsync(Review("uid-gone", "DELETE", "networking.k8s.io", "NetworkPolicy", "never-was", "shop"));
        Assert.True(response["allowed"]!.GetValue<bool>());
        Assert.Equal(["portolan: NetworkPolicy shop/never-was is not in the analysed state; deleting it changes nothing Portolan knows of"], Warnings(response));
    }

    [Fact]
    public async Task Decisions_do_not_change_the_stored_state()
    {
        await using var webhook = await WebhookHarness.StartAsync(Fixtures.Cluster);
        var delete = Review("uid-d1", "DELETE", "networking.k8s.io", "NetworkPolicy", "default-deny", "shop");
        var first = Warnings(await webhook.ReviewAsync(delete));
        // Were the first deletion stored, the second would find nothing to delete.
        var second = Warnings(await webhook.ReviewAsync(delete));
        Assert.NotEmpty(first);
        Assert.Equal(first, second);
        Assert.Equal(2, webhook.Server.State.Cluster!.Policies.Count(p => p.Namespace == "shop"));
    }

    [Fact]
    public async Task Lint_findings_on_the_policy_under_review_are_warnings()
    {
        await using var webhook = await WebhookHarness.StartAsync(Fixtures.Cluster, lint: true);
        var anyAny = NetworkPolicy("shop", "allow-everything", """{"podSelector": {}, "ingress": [{}], "egress": [{}]}""");
        var response = await webhook.ReviewAsync(NetworkPolicyReview("uid-lint", "CREATE", anyAny));
        Assert.True(response["allowed"]!.GetValue<bool>());
        var warnings = Warnings(response);
        Assert.Contains(warnings, w => w.StartsWith("portolan: [lint permit-any-any] NetworkPolicy shop/allow-everything: ", StringComparison.Ordinal));
        // Findings about other objects (db-from-web, the namespaces) are not the author's to fix here.
        Assert.All(warnings.Where(w => w.Contains("[lint ", StringComparison.Ordinal)), w => Assert.Contains("NetworkPolicy shop/allow-everything: ", w));
    }

    [Fact]
    public async Task A_shadowed_rule_is_a_lint_warning_and_the_review_leaves_the_state_as_it_was()
    {
        await using var webhook = await WebhookHarness.StartAsync(Fixtures.Cluster, lint: true);
        // The same rule as db-from-web: it opens nothing, and lint's redundancy pass (which removes rules from the
        // proposal's engine while it judges them) reports it.
        var again = NetworkPolicy("shop", "db-from-web-again",
            """{"podSelector": {"matchLabels": {"app": "db"}}, "ingress": [{"from": [{"podSelector": {"matchLabels": {"app": "web"}}}], "ports": [{"port": 5432}]}]}""");
        var first = await webhook.ReviewAsync(NetworkPolicyReview("uid-shadowed-1", "CREATE", again));
        Assert.True(first["allowed"]!.GetValue<bool>());
        Assert.Equal(["portolan: [lint redundant-rule] NetworkPolicy shop/db-from-web-again: ingress rule 1 is fully shadowed: "
            + "without it, every ingress decision for the 1 pod it applies to stays the same"], Warnings(first));
        // The state behind the next reviews is the stored one: its policies, and deleting the default-deny opens what it did before.
        Assert.Equal(["db-from-web: 1 ingress rule", "default-deny: 0 ingress rules", "pass-shop: 1 ingress rule"],
            webhook.Server.State.Cluster!.Policies.Select(p => $"{p.Name}: {p.Ingress.Length} ingress rule{(p.Ingress.Length == 1 ? "" : "s")}").Order(StringComparer.Ordinal));
        var delete = await webhook.ReviewAsync(Review("uid-shadowed-2", "DELETE", "networking.k8s.io", "NetworkPolicy", "default-deny", "shop"));
        Assert.Equal(
        [
            "portolan: opens 0.0.0.0-255.255.255.255[External] => shop/web[Pod] : All Connections",
            "portolan: opens other/client[Pod] => shop/web[Pod] : All Connections",
            "portolan: opens shop/db[Pod] => shop/web[Pod] : All Connections",
        ], Warnings(delete));
        var second = await webhook.ReviewAsync(NetworkPolicyReview("uid-shadowed-3", "CREATE", again));
        Assert.Equal(Warnings(first), Warnings(second));
    }
}
