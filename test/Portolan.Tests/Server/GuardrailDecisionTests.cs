using System.Text.Json.Nodes;
using static Portolan.Tests.Server.Reviews;

namespace Portolan.Tests.Server;

/// <summary>With --guardrails: a change that breaks one is denied naming the guardrail, the counterexample and the rule; existing violations block nothing.</summary>
public sealed class GuardrailDecisionTests
{
    private const string Guardrails = """
        apiVersion: portolan.dev/v1alpha1
        kind: Guardrails
        metadata: {name: test}
        spec:
          guardrails:
            - name: db-only-from-web
              only:
                to:
                  - namespaces: [shop]
                    podSelector: {matchLabels: {app: db}}
                allow:
                  - from:
                      - namespaces: [shop]
                        podSelector: {matchLabels: {app: web}}
            - name: shop-egress-is-free
              description: already broken in the stored state (shop has no egress policy)
              deny:
                from:
                  - namespaces: [shop]
                to:
                  - namespaces: [other]
            - name: web-not-from-other
              severity: warning
              deny:
                from:
                  - namespaces: [other]
                to:
                  - namespaces: [shop]
                    podSelector: {matchLabels: {app: web}}
        """;

    private static List<string> Warnings(JsonObject response) =>
        response["warnings"] is JsonArray list ? [.. list.Select(w => w!.GetValue<string>())] : [];

    [Fact]
    public async Task Breaking_an_error_guardrail_is_denied_with_the_guardrail_the_counterexample_and_the_rule()
    {
        await using var webhook = await WebhookHarness.StartAsync(Fixtures.Cluster, guardrails: Guardrails);
        var open = NetworkPolicy("shop", "db-from-anywhere", """{"podSelector": {"matchLabels": {"app": "db"}}, "ingress": [{"ports": [{"port": 5432}]}]}""");
        var response = await webhook.ReviewAsync(NetworkPolicyReview("uid-guard", "CREATE", open));
        Assert.False(response["allowed"]!.GetValue<bool>());
        var message = response["status"]!["message"]!.GetValue<string>();
        Assert.StartsWith("portolan: creating NetworkPolicy shop/db-from-anywhere is refused: [guardrail db-only-from-web] ", message);
        Assert.Contains("other/client[Pod] => shop/db[Pod]: reachable on TCP 5432", message);
        // The rule that opens it is the one under review.
        Assert.Contains("ingress at shop/db[Pod]: allowed", message);
        Assert.Contains("shop/db-from-anywhere", message);
        // shop-egress-is-free was broken before the change: it is not the change's fault.
        Assert.DoesNotContain("shop-egress-is-free", message);
    }

    [Fact]
    public async Task A_change_that_breaks_no_new_guardrail_is_allowed_though_the_state_already_breaks_one()
    {
        await using var webhook = await WebhookHarness.StartAsync(Fixtures.Cluster, guardrails: Guardrails);
        var narrower = NetworkPolicy("shop", "db-from-web", """{"podSelector": {"matchLabels": {"app": "db"}}, "ingress": [{"from": [{"podSelector": {"matchLabels": {"app": "web"}}}], "ports": [{"port": 5433}]}]}""");
        var response = await webhook.ReviewAsync(NetworkPolicyReview("uid-ok", "UPDATE", narrower));
        Assert.True(response["allowed"]!.GetValue<bool>());
        Assert.DoesNotContain(Warnings(response), w => w.Contains("guardrail", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Breaking_a_warning_guardrail_is_allowed_with_the_violation_as_a_warning()
    {
        await using var webhook = await WebhookHarness.StartAsync(Fixtures.Cluster, guardrails: Guardrails);
        var open = NetworkPolicy("shop", "web-from-anywhere", """{"podSelector": {"matchLabels": {"app": "web"}}, "ingress": [{"ports": [{"port": 8080}]}]}""");
        var response = await webhook.ReviewAsync(NetworkPolicyReview("uid-warn", "CREATE", open));
        Assert.True(response["allowed"]!.GetValue<bool>());
        var warnings = Warnings(response);
        Assert.Contains("portolan: opens other/client[Pod] => shop/web[Pod] : TCP 8080", warnings);
        var guard = Assert.Single(warnings, w => w.StartsWith("portolan: [guardrail web-not-from-other] ", StringComparison.Ordinal));
        Assert.Contains("other/client[Pod] => shop/web[Pod]: reachable on TCP 8080", guard);
    }
}
