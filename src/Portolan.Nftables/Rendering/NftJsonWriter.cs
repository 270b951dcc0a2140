using System.Text;
using System.Text.Json;
using Portolan.Nftables.Ruleset;

namespace Portolan.Nftables.Rendering;

/// <summary>
/// The ruleset in libnftables' JSON schema (libnftables-json(5)), for <c>nft -j -f</c>: the same commands as
/// the text form (add, delete, then add the table and every object), chains before the rules and maps that
/// name them. Header comments have no place in the schema and are left out.
/// </summary>
public static class NftJsonWriter
{
    public static string Write(NftTable table)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("nftables");
            json.WriteStartObject();
            json.WriteStartObject("metainfo");
            json.WriteNumber("json_schema_version", 1);
            json.WriteEndObject();
            json.WriteEndObject();
            Command(json, "add", "table", () => Table(json, table));
            Command(json, "delete", "table", () => Table(json, table));
            Command(json, "add", "table", () => Table(json, table));
            foreach (var chain in table.Chains) Command(json, "add", "chain", () => Chain(json, table, chain));
            foreach (var set in table.Sets) Command(json, "add", "set", () => Set(json, table, set));
            foreach (var map in table.Maps) Command(json, "add", "map", () => Map(json, table, map));
            foreach (var chain in table.Chains)
            {
                foreach (var rule in chain.Rules) Command(json, "add", "rule", () => Rule(json, table, chain, rule));
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Command(Utf8JsonWriter json, string verb, string kind, Action body)
    {
        json.WriteStartObject();
        json.WriteStartObject(verb);
        json.WriteStartObject(kind);
        body();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Table(Utf8JsonWriter json, NftTable table)
    {
        json.WriteString("family", "inet");
        json.WriteString("name", table.Name);
    }

    private static void Owner(Utf8JsonWriter json, NftTable table, string name)
    {
        json.WriteString("family", "inet");
        json.WriteString("table", table.Name);
        json.WriteString("name", name);
    }

    private static void Chain(Utf8JsonWriter json, NftTable table, NftChain chain)
    {
        Owner(json, table, chain.Name);
        if (chain.ForwardPriority is not { } priority) return;
        json.WriteString("type", "filter");
        json.WriteString("hook", "forward");
        json.WriteNumber("prio", priority);
        json.WriteString("policy", "accept");
    }

    private static void Set(Utf8JsonWriter json, NftTable table, NftSet set)
    {
        Owner(json, table, set.Name);
        if (set.Type.Length == 1)
        {
            json.WriteString("type", set.Type[0]);
        }
        else
        {
            json.WriteStartArray("type");
            foreach (var part in set.Type) json.WriteStringValue(part);
            json.WriteEndArray();
        }
        if (set.Interval)
        {
            json.WriteStartArray("flags");
            json.WriteStringValue("interval");
            json.WriteEndArray();
        }
        json.WriteStartArray("elem");
        foreach (var element in set.Elements)
        {
            if (element.Parts.Length == 1)
            {
                Value(json, element.Parts[0]);
                continue;
            }
            json.WriteStartObject();
            json.WriteStartArray("concat");
            foreach (var part in element.Parts) Value(json, part);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Map(Utf8JsonWriter json, NftTable table, NftMap map)
    {
        Owner(json, table, map.Name);
        json.WriteString("type", map.Family.AddressType());
        json.WriteString("map", "verdict");
        json.WriteStartArray("elem");
        foreach (var (key, verdict) in map.Elements)
        {
            json.WriteStartArray();
            Value(json, key);
            Verdict(json, verdict);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    private static void Rule(Utf8JsonWriter json, NftTable table, NftChain chain, NftRule rule)
    {
        json.WriteString("family", "inet");
        json.WriteString("table", table.Name);
        json.WriteString("chain", chain.Name);
        json.WriteString("comment", rule.Comment);
        json.WriteStartArray("expr");
        foreach (var match in rule.Matches) Match(json, match);
        if (rule.Verdict is not null) Verdict(json, rule.Verdict);
        json.WriteEndArray();
    }

    private static void Match(Utf8JsonWriter json, NftMatch match)
    {
        json.WriteStartObject();
        if (match is VerdictMapLookup vmap)
        {
            json.WriteStartObject("vmap");
            json.WritePropertyName("key");
            Field(json, vmap.Key);
            json.WriteString("data", $"@{vmap.Map}");
            json.WriteEndObject();
            json.WriteEndObject();
            return;
        }
        json.WriteStartObject("match");
        switch (match)
        {
            case SetLookup lookup:
                json.WriteString("op", "==");
                json.WritePropertyName("left");
                Keys(json, lookup.Keys);
                json.WriteString("right", $"@{lookup.Set}");
                break;
            case ValueMatch value:
                json.WriteString("op", "==");
                json.WritePropertyName("left");
                Field(json, value.Field);
                json.WritePropertyName("right");
                if (value.Values.Length == 1) json.WriteStringValue(value.Values[0]);
                else
                {
                    json.WriteStartObject();
                    json.WriteStartArray("set");
                    foreach (var v in value.Values) json.WriteStringValue(v);
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                break;
            case CtStateMatch ct:
                json.WriteString("op", "in");
                json.WriteStartObject("left");
                json.WriteStartObject("ct");
                json.WriteString("key", "state");
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteStartArray("right");
                foreach (var state in ct.States) json.WriteStringValue(state);
                json.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"unknown match {match}");
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Keys(Utf8JsonWriter json, IReadOnlyList<NftField> keys)
    {
        if (keys.Count == 1)
        {
            Field(json, keys[0]);
            return;
        }
        json.WriteStartObject();
        json.WriteStartArray("concat");
        foreach (var key in keys) Field(json, key);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Field(Utf8JsonWriter json, NftField field)
    {
        json.WriteStartObject();
        if (field.IsMeta)
        {
            json.WriteStartObject("meta");
            json.WriteString("key", field.Name);
        }
        else
        {
            json.WriteStartObject("payload");
            json.WriteString("protocol", field.Protocol);
            json.WriteString("field", field.Name);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Value(Utf8JsonWriter json, NftValue value)
    {
        switch (value)
        {
            case NftValue.Text text:
                json.WriteStringValue(text.Value);
                break;
            case NftValue.Number number:
                json.WriteNumberValue(number.Value);
                break;
            case NftValue.Range range:
                json.WriteStartObject();
                json.WriteStartArray("range");
                Value(json, range.From);
                Value(json, range.To);
                json.WriteEndArray();
                json.WriteEndObject();
                break;
            case NftValue.Prefix prefix:
                json.WriteStartObject();
                json.WriteStartObject("prefix");
                json.WriteString("addr", prefix.Address);
                json.WriteNumber("len", prefix.Length);
                json.WriteEndObject();
                json.WriteEndObject();
                break;
        }
    }

    private static void Verdict(Utf8JsonWriter json, NftVerdict verdict)
    {
        json.WriteStartObject();
        switch (verdict)
        {
            case NftVerdict.Simple simple:
                json.WriteNull(simple.Keyword);
                break;
            case NftVerdict.ToChain to:
                json.WriteStartObject(to.Keyword);
                json.WriteString("target", to.Chain);
                json.WriteEndObject();
                break;
            case NftVerdict.Reject { TcpReset: true }:
                json.WriteStartObject("reject");
                json.WriteString("type", "tcp reset");
                json.WriteEndObject();
                break;
            case NftVerdict.Reject:
                json.WriteNull("reject");
                break;
        }
        json.WriteEndObject();
    }
}
