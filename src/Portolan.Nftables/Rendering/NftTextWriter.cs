using System.Text;
using Portolan.Nftables.Ruleset;

namespace Portolan.Nftables.Rendering;

/// <summary>
/// The ruleset as an <c>nft -f</c> file: the header as comments, then add + delete + define of the table in
/// one transaction, which replaces a previous version atomically (nftables wiki, Atomic rule replacement).
/// nft 1.0.6 wants blocks over several lines (platform-notes.md).
/// </summary>
public static class NftTextWriter
{
    public static string Write(NftTable table)
    {
        var text = new StringBuilder();
        foreach (var line in table.Header) text.Append(line.Length == 0 ? "#" : $"# {line}").Append('\n');
        text.Append($"add table inet {table.Name}\n");
        text.Append($"delete table inet {table.Name}\n");
        text.Append($"table inet {table.Name} {{\n");
        foreach (var set in table.Sets)
        {
            text.Append($"\tset {set.Name} {{\n");
            text.Append($"\t\ttype {string.Join(" . ", set.Type)}\n");
            if (set.Interval) text.Append("\t\tflags interval\n");
            Elements(text, set.Elements.Select(e => e.ToString()));
            text.Append("\t}\n");
        }
        foreach (var map in table.Maps)
        {
            text.Append($"\tmap {map.Name} {{\n");
            text.Append($"\t\ttype {map.Family.AddressType()} : verdict\n");
            Elements(text, map.Elements.Select(e => $"{e.Key} : {e.Verdict}"));
            text.Append("\t}\n");
        }
        foreach (var chain in table.Chains)
        {
            text.Append($"\tchain {chain.Name} {{\n");
            if (chain.ForwardPriority is { } priority)
                text.Append($"\t\ttype filter hook forward priority {Priority(priority)}; policy accept;\n");
            foreach (var rule in chain.Rules) text.Append("\t\t").Append(Rule(rule)).Append('\n');
            text.Append("\t}\n");
        }
        text.Append("}\n");
        return text.ToString();
    }

    public static string Rule(NftRule rule)
    {
        var parts = rule.Matches.Select(Match).ToList();
        if (rule.Verdict is not null) parts.Add(rule.Verdict.ToString()!);
        parts.Add($"comment \"{rule.Comment}\"");
        return string.Join(" ", parts);
    }

    private static string Match(NftMatch match) => match switch
    {
        SetLookup s => $"{string.Join(" . ", s.Keys)} @{s.Set}",
        ValueMatch { Values.Length: 1 } v => $"{v.Field} {v.Values[0]}",
        ValueMatch v => $"{v.Field} {{ {string.Join(", ", v.Values)} }}",
        CtStateMatch c => $"ct state {string.Join(",", c.States)}",
        VerdictMapLookup m => $"{m.Key} vmap @{m.Map}",
        _ => throw new InvalidOperationException($"unknown match {match}"),
    };

    private static string Priority(int offset) => offset switch
    {
        0 => "filter",
        < 0 => $"filter - {-offset}",
        _ => $"filter + {offset}",
    };

    // One element per line, so a change to a set shows as a one-line diff.
    private static void Elements(StringBuilder text, IEnumerable<string> elements)
    {
        var list = elements.ToList();
        if (list.Count == 0) return;
        text.Append("\t\telements = {\n");
        for (int i = 0; i < list.Count; i++) text.Append("\t\t\t").Append(list[i]).Append(i < list.Count - 1 ? ",\n" : "\n");
        text.Append("\t\t}\n");
    }
}
