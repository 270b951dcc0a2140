using System.Collections.Immutable;
using Portolan.Core.Analysis.Guardrails;
using Portolan.Core.Model;
using Portolan.Kubernetes.Parsing;
using Portolan.Kubernetes.Yaml;

namespace Portolan.Kubernetes.Guardrails;

/// <summary>One named statement: name, description, severity and exactly one of deny, require, only, isolated.</summary>
internal static class StatementParser
{
    private static readonly string[] Kinds = ["deny", "require", "only", "isolated"];

    public static Guardrail Parse(string file, YNode item, string path)
    {
        var map = new Node(file, "guardrail").Item(item, path);
        var name = Name(file, map, path);
        var node = new Node(file, $"guardrail {name}");
        Fields.Known(node, map, path, ["name", "description", "severity", .. Kinds]);
        var description = node.String(map, "description", path);
        var severity = Severity(node, map, path);
        var kinds = Kinds.Where(map.Has).ToList();
        if (kinds.Count != 1)
            throw node.Error(map, path, kinds.Count == 0
                ? "needs one statement: deny, require, only or isolated"
                : $"has {string.Join(" and ", kinds)}: one statement per guardrail (split it into several named ones)");
        var kind = kinds[0];
        var body = node.Map(map, kind, path) ?? throw node.Error(map[kind]!, Node.Join(path, kind), "must be an object");
        var bodyPath = Node.Join(path, kind);
        var origin = node.At(map);
        switch (kind)
        {
            case "deny":
            case "require":
                Fields.Known(node, body, bodyPath, "from", "to", "ports");
                var from = GuardrailSelectors.Peers(node, body, "from", bodyPath);
                var to = GuardrailSelectors.Peers(node, body, "to", bodyPath);
                var ports = GuardrailSelectors.Ports(node, body, bodyPath);
                return kind == "deny"
                    ? new DenyGuardrail(name, description, severity, origin, from, to, ports)
                    : new RequireGuardrail(name, description, severity, origin, from, to, ports);
            case "only":
                Fields.Known(node, body, bodyPath, "to", "allow");
                if (!body.Has("to")) throw node.Error(body, Node.Join(bodyPath, "to"), "is required: the destinations that may be reached only as allowed");
                var allow = node.List(body, "allow", bodyPath) ?? [];
                return new OnlyGuardrail(name, description, severity, origin, GuardrailSelectors.Peers(node, body, "to", bodyPath),
                    [.. allow.Select((a, i) => Allowance(node, a, $"{bodyPath}.allow[{i}]"))]);
            default:
                Fields.Known(node, body, bodyPath, "namespaces", "namespaceSelector", "direction");
                return new IsolatedGuardrail(name, description, severity, origin,
                    GuardrailSelectors.Namespaces(node, body, bodyPath), Directions(node, body, bodyPath));
        }
    }

    private static string Name(string file, YMap map, string path)
    {
        var node = new Node(file, "guardrail");
        var name = node.String(map, "name", path);
        if (string.IsNullOrEmpty(name)) throw node.Error(map, Node.Join(path, "name"), "is required: every guardrail has a name (it is the rule id in reports)");
        if (name.Length > 63 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            || !char.IsAsciiLetterOrDigit(name[0]) || !char.IsAsciiLetterOrDigit(name[^1]))
            throw node.Error(map["name"]!, Node.Join(path, "name"), $"\"{name}\" is not a valid name: 1-63 characters of [a-z0-9-], starting and ending with a letter or digit");
        return name;
    }

    private static GuardrailSeverity Severity(Node node, YMap map, string path) => node.String(map, "severity", path) switch
    {
        null or "error" => GuardrailSeverity.Error,
        "warning" => GuardrailSeverity.Warning,
        "info" => GuardrailSeverity.Info,
        var other => throw node.Error(map["severity"]!, Node.Join(path, "severity"), $"\"{other}\" is not a severity (error, warning or info)"),
    };

    private static OnlyAllowance Allowance(Node node, YNode item, string path)
    {
        var map = node.Item(item, path);
        Fields.Known(node, map, path, "from", "ports");
        return new OnlyAllowance(GuardrailSelectors.Peers(node, map, "from", path), GuardrailSelectors.Ports(node, map, path));
    }

    private static ImmutableArray<Direction> Directions(Node node, YMap map, string path) => node.String(map, "direction", path) switch
    {
        null or "both" => [Direction.Ingress, Direction.Egress],
        "ingress" => [Direction.Ingress],
        "egress" => [Direction.Egress],
        var other => throw node.Error(map["direction"]!, Node.Join(path, "direction"), $"\"{other}\" is not a direction (ingress, egress or both)"),
    };
}
