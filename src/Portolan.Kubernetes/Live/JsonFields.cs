using System.Text.Json.Nodes;

namespace Portolan.Kubernetes.Live;

/// <summary>Reading API JSON without throwing on a field of the wrong type.</summary>
internal static class JsonFields
{
    /// <summary>The string value of <paramref name="node"/>; null when absent, empty or not a string.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
