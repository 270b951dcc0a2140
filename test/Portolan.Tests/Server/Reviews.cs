using System.Text.Json.Nodes;

namespace Portolan.Tests.Server;

/// <summary>AdmissionReview v1 requests as the API server sends them, with the object given as YAML-free JSON.</summary>
public static class Reviews
{
    public static string Review(string uid, string operation, string group, string kind, string name, string? ns,
        JsonObject? obj = null, JsonObject? oldObj = null)
    {
        var request = new JsonObject
        {
            ["uid"] = uid,
            ["kind"] = new JsonObject { ["group"] = group, ["version"] = group == "policy.networking.k8s.io" ? "v1alpha1" : "v1", ["kind"] = kind },
            ["resource"] = new JsonObject { ["group"] = group, ["version"] = "v1", ["resource"] = kind.ToLowerInvariant() + "s" },
            ["name"] = name,
            ["operation"] = operation,
            ["userInfo"] = new JsonObject { ["username"] = "alice" },
            ["dryRun"] = false,
        };
        if (ns is not null) request["namespace"] = ns;
        if (obj is not null) request["object"] = obj.DeepClone();
        if (oldObj is not null) request["oldObject"] = oldObj.DeepClone();
        return new JsonObject { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["request"] = request }.ToJsonString();
    }

    /// <summary>A NetworkPolicy object (metadata and spec) from its spec given as JSON text.</summary>
    public static JsonObject NetworkPolicy(string ns, string name, string specJson) => new()
    {
        ["apiVersion"] = "networking.k8s.io/v1",
        ["kind"] = "NetworkPolicy",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["uid"] = Guid.NewGuid().ToString() },
        ["spec"] = JsonNode.Parse(specJson)!.AsObject(),
    };

    public static string NetworkPolicyReview(string uid, string operation, JsonObject policy) =>
        Review(uid, operation, "networking.k8s.io", "NetworkPolicy", policy["metadata"]!["name"]!.GetValue<string>(),
            policy["metadata"]!["namespace"]!.GetValue<string>(), operation == "DELETE" ? null : policy, operation == "CREATE" ? null : policy);

    public static JsonObject AdminNetworkPolicy(string name, int priority, string subjectJson, string ingressJson) => new()
    {
        ["apiVersion"] = "policy.networking.k8s.io/v1alpha1",
        ["kind"] = "AdminNetworkPolicy",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject
        {
            ["priority"] = priority,
            ["subject"] = JsonNode.Parse(subjectJson),
            ["ingress"] = JsonNode.Parse(ingressJson),
        },
    };
}
