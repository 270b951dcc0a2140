using System.Text.Json;
using System.Text.Json.Nodes;
using Portolan.Core.Model;
using Portolan.Kubernetes;

namespace Portolan.Server.Admission;

/// <summary>
/// Parses the object of an admission request with the manifest parser (JSON is YAML), so the webhook
/// validates exactly as `portolan list` does. Invalid objects throw <see cref="ManifestException"/>.
/// </summary>
public static class PolicyObjectReader
{
    /// <summary>How the object is named in messages, in place of a file name.</summary>
    public const string SourceName = "request.object";

    public static (Policy Policy, IReadOnlyList<string> Warnings) Read(JsonElement element, AdmissionRequest request)
    {
        var notes = new List<string>();
        var loader = new ManifestLoader(TextReader.Null, notes.Add);
        loader.LoadText(new StringReader(WithRequestNames(element, request)), SourceName);
        var cluster = loader.Load([]);
        if (cluster.Policies.Length != 1 || cluster.Pods.Length != 0)
            throw new ManifestException(new SourceLocation(SourceName, 1), request.Kind?.Kind, "request.object is not one policy object");
        var warnings = notes.Where(n => n.StartsWith("warning:", StringComparison.Ordinal)).Select(n => n["warning:".Length..].Trim()).ToList();
        return (cluster.Policies[0], warnings);
    }

    // The API server fills metadata.namespace (and a generated name) before admission; supply them if a
    // client sent an object without, so the policy is keyed as it will be stored.
    private static string WithRequestNames(JsonElement element, AdmissionRequest request)
    {
        bool Missing(JsonElement metadata, string field, string? value) => !string.IsNullOrEmpty(value) && !metadata.TryGetProperty(field, out _);
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("metadata", out var meta) || meta.ValueKind != JsonValueKind.Object
            || !(Missing(meta, "namespace", request.Namespace) || Missing(meta, "name", request.Name)))
            return element.GetRawText();
        var root = JsonNode.Parse(element.GetRawText())!.AsObject();
        var metadata = root["metadata"]!.AsObject();
        if (Missing(meta, "namespace", request.Namespace)) metadata["namespace"] = request.Namespace;
        if (Missing(meta, "name", request.Name)) metadata["name"] = request.Name;
        return root.ToJsonString();
    }
}
