using System.Text.Json;
using System.Text.Json.Nodes;
using Portolan.Core.Model;

namespace Portolan.Kubernetes.Live;

/// <summary>
/// One object as read from the API: the text handed to the manifest loader (the object as
/// <c>kubectl get -o json</c> prints it, so a line in a message is a line there), the URL it is
/// named by, its controller, and a fingerprint of what the analysis reads from it.
/// </summary>
public sealed record LiveObject(ApiResource Resource, string? Namespace, string Name, string Url, string Text, string Fingerprint, WorkloadRef? Controller, bool Finished, string? ResourceVersion)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 4, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public (string? Namespace, string Name) Key => (Namespace, Name);

    /// <summary>
    /// Gives a list item the apiVersion and kind the API leaves out of built-in list items, drops
    /// managedFields and sorts keys, as kubectl does when it prints an object.
    /// </summary>
    public static LiveObject From(ApiResource resource, JsonObject item, Func<string, string> url)
    {
        var metadata = item["metadata"] as JsonObject;
        var name = JsonFields.Text(metadata?["name"]) ?? "";
        var ns = resource.Namespaced ? JsonFields.Text(metadata?["namespace"]) : null;
        metadata?.Remove("managedFields");
        item["apiVersion"] = JsonFields.Text(item["apiVersion"]) ?? resource.ApiVersion;
        item["kind"] = JsonFields.Text(item["kind"]) ?? resource.Kind;
        var ordered = (JsonObject)Sorted(item);
        var finished = resource.Kind == "Pod" && JsonFields.Text((ordered["status"] as JsonObject)?["phase"]) is "Succeeded" or "Failed";
        return new LiveObject(resource, ns, name, url(resource.ObjectPath(ns, name)), ordered.ToJsonString(Indented),
            FingerprintOf(resource, ordered), ControllerOf(ns, metadata), finished,
            JsonFields.Text(metadata?["resourceVersion"]));
    }

    // kubectl prints objects with their keys in ordinal order (Go's encoding of a map); so do we.
    private static JsonNode Sorted(JsonNode node) => node switch
    {
        JsonObject map => new JsonObject(map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Sorted(p.Value))).ToList()),
        JsonArray list => new JsonArray([.. list.Select(i => i is null ? null : Sorted(i))]),
        _ => node.DeepClone(),
    };

    private static WorkloadRef? ControllerOf(string? ns, JsonObject? metadata)
    {
        if (metadata?["ownerReferences"] is not JsonArray owners) return null;
        foreach (var owner in owners.OfType<JsonObject>())
        {
            if (owner["controller"] is JsonValue controller && controller.TryGetValue<bool>(out var isController) && isController
                && JsonFields.Text(owner["kind"]) is { } kind && JsonFields.Text(owner["name"]) is { } name)
                return new WorkloadRef(ns ?? "", name, kind);
        }
        return null;
    }

    // What the analysis reads: labels, owners, the spec (less replicas), and a pod's phase and IPs or a
    // node's addresses. Status churn and scaling leave it unchanged, so they cause no change events.
    private static string FingerprintOf(ApiResource resource, JsonObject item)
    {
        var metadata = item["metadata"] as JsonObject;
        var spec = item["spec"]?.DeepClone() as JsonObject;
        spec?.Remove("replicas");
        var status = item["status"] as JsonObject;
        var relevant = new JsonObject
        {
            ["labels"] = metadata?["labels"]?.DeepClone(),
            ["owners"] = metadata?["ownerReferences"]?.DeepClone(),
            ["spec"] = resource.Kind is "Namespace" or "Node" ? null : spec,
            ["status"] = resource.Kind switch
            {
                "Pod" => new JsonObject { ["phase"] = status?["phase"]?.DeepClone(), ["podIP"] = status?["podIP"]?.DeepClone(), ["podIPs"] = status?["podIPs"]?.DeepClone() },
                "Node" => status?["addresses"]?.DeepClone(),
                _ => null,
            },
        };
        return relevant.ToJsonString();
    }
}
