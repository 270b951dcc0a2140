using System.Text.Json;
using System.Text.RegularExpressions;
using Portolan.Tests.Support;

namespace Portolan.Tests.Cli;

/// <summary>
/// The JSON shapes docs/output-schemas.md documents, read from its ```json examples (placeholders such
/// as &lt;peer&gt; replaced by the blocks that define them), and a check that an output has exactly
/// those keys, in that order, with values of the documented kinds.
/// </summary>
public sealed partial class DocumentedSchema
{
    // Keys the document says are null where they do not apply (and only those).
    private static readonly HashSet<string> Nullable = ["$.portName", "$.egress", "$.ingress", "policy", "rule", "policy.namespace"];

    private DocumentedSchema(JsonElement workload, JsonElement external, JsonElement connectivityList, JsonElement evalResult)
    {
        WorkloadPeer = workload;
        ExternalPeer = external;
        ConnectivityList = connectivityList;
        EvalResult = evalResult;
    }

    public JsonElement WorkloadPeer { get; }

    public JsonElement ExternalPeer { get; }

    public JsonElement ConnectivityList { get; }

    public JsonElement EvalResult { get; }

    public static DocumentedSchema Instance { get; } = Load();

    private static DocumentedSchema Load()
    {
        var text = File.ReadAllText(Path.Combine(Paths.RepoRoot, "docs", "output-schemas.md"));
        var blocks = JsonBlock().Matches(text).Select(m => m.Groups[1].Value.Trim()).ToList();
        string Block(string marker) => blocks.Single(b => b.Contains(marker, StringComparison.Ordinal));
        var peerLines = Block("\"type\": \"workload\"").Split('\n');
        var workload = peerLines.Single(l => l.Contains("\"workload\"", StringComparison.Ordinal));
        var external = peerLines.Single(l => l.Contains("\"external\"", StringComparison.Ordinal));
        var connections = Block("\"protocols\"");
        var step = Block("\"tier\"");
        string Expand(string block) => block
            .Replace("<peer>", workload, StringComparison.Ordinal)
            .Replace("<connection set>", connections, StringComparison.Ordinal)
            .Replace("[<step>...]", $"[{step}]", StringComparison.Ordinal);
        return new DocumentedSchema(Parse(workload), Parse(external),
            Parse(Expand(Block("\"ConnectivityList\""))), Parse(Expand(Block("\"EvalResult\""))));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    /// <summary>Asserts that <paramref name="actual"/> has the documented shape.</summary>
    public void AssertConforms(JsonElement documented, JsonElement actual, string path = "$")
    {
        if (actual.ValueKind == JsonValueKind.Null)
        {
            Assert.True(Nullable.Contains(path) || Nullable.Contains(LastTwo(path)) || Nullable.Contains(Last(path)),
                $"{path} is null but the document does not say it may be");
            return;
        }
        switch (documented.ValueKind)
        {
            case JsonValueKind.Object when documented.TryGetProperty("type", out _):
                var type = actual.GetProperty("type").GetString();
                Assert.True(type is "workload" or "external", $"{path}.type is {type}");
                AssertObject(type == "workload" ? WorkloadPeer : ExternalPeer, actual, path);
                break;
            case JsonValueKind.Object when Last(path) == "protocols":
                AssertProtocols(documented, actual, path);
                break;
            case JsonValueKind.Object:
                AssertObject(documented, actual, path);
                break;
            case JsonValueKind.Array:
                Assert.Equal(JsonValueKind.Array, actual.ValueKind);
                if (documented.GetArrayLength() == 0) break;
                var i = 0;
                foreach (var item in actual.EnumerateArray()) AssertConforms(documented[0], item, $"{path}[{i++}]");
                break;
            case JsonValueKind.String:
                Assert.True(actual.ValueKind == JsonValueKind.String, $"{path} should be a string: {actual}");
                var example = documented.GetString()!;
                if (Regex.IsMatch(example, "^[A-Za-z]+(\\|[A-Za-z]+)+$"))
                    Assert.Contains(actual.GetString()!, example.Split('|'));
                if (path is "$.apiVersion" or "$.kind") Assert.Equal(example, actual.GetString());
                break;
            case JsonValueKind.Number:
                Assert.True(actual.ValueKind == JsonValueKind.Number, $"{path} should be a number: {actual}");
                break;
            case JsonValueKind.True or JsonValueKind.False:
                Assert.True(actual.ValueKind is JsonValueKind.True or JsonValueKind.False, $"{path} should be a boolean: {actual}");
                break;
        }
    }

    private void AssertObject(JsonElement documented, JsonElement actual, string path)
    {
        Assert.True(actual.ValueKind == JsonValueKind.Object, $"{path} should be an object: {actual}");
        var expectedKeys = documented.EnumerateObject().Select(p => p.Name).ToList();
        var actualKeys = actual.EnumerateObject().Select(p => p.Name).ToList();
        Assert.True(expectedKeys.SequenceEqual(actualKeys),
            $"{path} has keys [{string.Join(", ", actualKeys)}]; the document says [{string.Join(", ", expectedKeys)}]");
        foreach (var property in documented.EnumerateObject())
            AssertConforms(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}");
    }

    // Protocol names are data, not keys: any of SCTP, TCP, UDP (in that order), each a list of ranges.
    private void AssertProtocols(JsonElement documented, JsonElement actual, string path)
    {
        var range = documented.EnumerateObject().First().Value[0];
        var names = actual.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Subset(new HashSet<string> { "SCTP", "TCP", "UDP" }, names.ToHashSet());
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        foreach (var protocol in actual.EnumerateObject())
        {
            Assert.NotEqual(0, protocol.Value.GetArrayLength());
            var i = 0;
            foreach (var item in protocol.Value.EnumerateArray()) AssertObject(range, item, $"{path}.{protocol.Name}[{i++}]");
        }
    }

    private static string Last(string path) => path[(path.LastIndexOf('.') + 1)..];

    private static string LastTwo(string path)
    {
        var parts = path.Split('.');
        return parts.Length < 2 ? path : $"{StripIndex(parts[^2])}.{parts[^1]}";
    }

    private static string StripIndex(string part) => part.Contains('[', StringComparison.Ordinal) ? part[..part.IndexOf('[', StringComparison.Ordinal)] : part;
}
