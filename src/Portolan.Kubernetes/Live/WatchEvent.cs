using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portolan.Kubernetes.Live;

/// <summary>One event of a watch stream: ADDED, MODIFIED, DELETED, BOOKMARK or ERROR, with its object.</summary>
public sealed record WatchEvent(string Type, JsonObject Object)
{
    public static WatchEvent Parse(string line, string url)
    {
        try
        {
            if (JsonNode.Parse(line) is JsonObject { } root && root["type"] is JsonValue type && root["object"] is JsonObject body)
            {
                root.Remove("object");
                return new WatchEvent(type.GetValue<string>(), body);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new LiveException($"{url}: the watch stream sent an event that is not valid JSON: {e.Message}");
        }
        throw new LiveException($"{url}: the watch stream sent an event without type and object");
    }

    /// <summary>For an ERROR event: the Status code (410 means the watch must start again from a new list).</summary>
    public int? StatusCode => Type == "ERROR" && Object["code"] is JsonValue code && code.TryGetValue<int>(out var value) ? value : null;

    public string? StatusMessage => Object["message"] is JsonValue message && message.TryGetValue<string>(out var text) ? text : null;
}
