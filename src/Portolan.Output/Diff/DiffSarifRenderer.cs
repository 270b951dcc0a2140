using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Portolan.Core.Analysis.Diff;

namespace Portolan.Output.Diff;

/// <summary>
/// SARIF 2.1.0 for code scanning (reference/platform-notes.md): one result per changed pair with a
/// stable ruleId, the manifests that explain it as locations (relative URIs, start lines), and a
/// fingerprint from the rule, the pair and what is now allowed, so an alert survives unrelated edits.
/// </summary>
public static class DiffSarifRenderer
{
    public const string SchemaUri = Sarif.SchemaUri;

    /// <param name="causes">The manifests behind an entry (see <see cref="DiffExplainer"/>).</param>
    /// <param name="uriOf">A relative URI for a file name as loaded, or null when it has none (stdin).</param>
    /// <param name="fallbackUri">Where a result without any cause points: a file of the after side.</param>
    public static void Render(ConnectivityDiff diff, Func<DiffEntry, ImmutableArray<DiffCause>> causes,
        Func<string, string?> uriOf, string? fallbackUri, Stream output)
    {
        using var json = new Utf8JsonWriter(output, JsonShapes.Options);
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        WriteTool(json);
        json.WriteString("columnKind", "unicodeCodePoints");
        json.WriteStartArray("results");
        foreach (var entry in diff.Entries)
        {
            WriteResult(json, entry, causes(entry), uriOf, fallbackUri);
            if (json.BytesPending > 64 * 1024) json.Flush();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WriteTool(Utf8JsonWriter json)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "portolan");
        json.WriteStartArray("rules");
        foreach (var rule in DiffSarifRules.All)
        {
            Sarif.WriteRule(json, rule.Id, rule.Name, rule.Short, $"{rule.Short} {rule.Help}", rule.Help,
                $"**{rule.Short}**\n\n{rule.Help}\n\nRun `portolan diff` locally with `-o md` for the whole change, or `portolan eval` to see which rule decides one connection.",
                rule.Level, rule.Severity);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, DiffEntry entry, ImmutableArray<DiffCause> causes,
        Func<string, string?> uriOf, string? fallbackUri)
    {
        var index = DiffSarifRules.IndexOf(entry.Kind);
        var rule = DiffSarifRules.All[index];
        json.WriteStartObject();
        json.WriteString("ruleId", rule.Id);
        json.WriteNumber("ruleIndex", index);
        // What opens nothing is informational, whatever its kind.
        json.WriteString("level", entry.Opened.IsEmpty ? "note" : "warning");
        Sarif.WriteMessage(json, "message", Message(entry));

        var located = causes.Select(c => (Cause: c, Uri: uriOf(c.Location.File))).Where(c => !string.IsNullOrEmpty(c.Uri)).ToList();
        json.WriteStartArray("locations");
        if (located.Count > 0) WriteLocation(json, located[0].Uri!, located[0].Cause.Location.Line, located[0].Cause.Description);
        else if (fallbackUri is not null) WriteLocation(json, fallbackUri, 0, null);
        json.WriteEndArray();
        if (located.Count > 1)
        {
            json.WriteStartArray("relatedLocations");
            foreach (var (cause, uri) in located.Skip(1)) WriteLocation(json, uri!, cause.Location.Line, cause.Description);
            json.WriteEndArray();
        }

        json.WriteStartObject("partialFingerprints");
        json.WriteString("portolanConnection/v1", Fingerprint(rule.Id, entry));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("change", DiffFormat.Change(entry.Change));
        json.WriteString("source", entry.Source.Name);
        json.WriteString("destination", entry.Destination.Name);
        json.WriteString("before", entry.Before.ToString());
        json.WriteString("after", entry.After.ToString());
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Message(DiffEntry e)
    {
        var text = e.Kind switch
        {
            DiffKind.Added => $"{e.Source.Name} can now reach {e.Destination.Name}: {e.After}.",
            DiffKind.Removed => $"{e.Source.Name} can no longer reach {e.Destination.Name} (was: {e.Before}).",
            _ => $"{e.Source.Name} to {e.Destination.Name} changed from {e.Before} to {e.After}"
                + (e.Opened.IsEmpty ? "." : $"; newly allowed: {e.Opened}."),
        };
        var info = DiffFormat.WorkloadsInfo(e);
        return info.Length > 0 ? $"{text} ({info})" : text;
    }

    private static void WriteLocation(Utf8JsonWriter json, string uri, int line, string? description)
    {
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", uri);
        json.WriteEndObject();
        if (line > 0)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", line);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        if (description is not null) Sarif.WriteMessage(json, "message", description);
        json.WriteEndObject();
    }

    private static string Fingerprint(string ruleId, DiffEntry e)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{ruleId}\n{e.Source.Name}\n{e.Destination.Name}\n{e.After}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>A relative file path as a URI reference (see <see cref="Sarif.RelativeUri"/>).</summary>
    public static string RelativeUri(string path) => Sarif.RelativeUri(path);
}
