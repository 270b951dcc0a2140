using System.Text.Json;

namespace Portolan.Output;

/// <summary>What every SARIF output (diff, lint, check) shares: the schema, a rule's entry, messages and relative URIs.</summary>
public static class Sarif
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /// <summary>One tool.driver.rules entry with help, default level and GitHub's security-severity and tags.</summary>
    public static void WriteRule(Utf8JsonWriter json, string id, string name, string shortText, string fullText,
        string helpText, string helpMarkdown, string level, string securitySeverity)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("name", name);
        WriteMessage(json, "shortDescription", shortText);
        WriteMessage(json, "fullDescription", fullText);
        json.WriteStartObject("help");
        json.WriteString("text", helpText);
        json.WriteString("markdown", helpMarkdown);
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", level);
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("security-severity", securitySeverity);
        json.WriteStartArray("tags");
        json.WriteStringValue("security");
        json.WriteStringValue("kubernetes");
        json.WriteStringValue("network-policy");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>A message object: {"text": ...}.</summary>
    public static void WriteMessage(Utf8JsonWriter json, string property, string text)
    {
        json.WriteStartObject(property);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    /// <summary>A relative file path as a URI reference: '/' separators, each segment percent-encoded.</summary>
    public static string RelativeUri(string path) =>
        string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
}
