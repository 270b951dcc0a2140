using System.Collections.Immutable;
using Portolan.Core.Selectors;
using Portolan.Kubernetes.Yaml;

namespace Portolan.Kubernetes.Parsing;

/// <summary>Reads and validates a LabelSelector (matchLabels + matchExpressions, semantics §2).</summary>
public static class SelectorParser
{
    public static LabelSelector Parse(Node node, YMap map, string path)
    {
        var requirements = ImmutableArray.CreateBuilder<Requirement>();
        if (node.Map(map, "matchLabels", path) is { } labels)
        {
            foreach (var (key, value) in labels.Entries)
            {
                var text = LabelValue(node, value, $"{path}.matchLabels.{key}");
                Check(node, value, $"{path}.matchLabels", LabelRules.KeyProblem(key) ?? LabelRules.ValueProblem(text));
                requirements.Add(new Requirement(key, SelectorOperator.In, [text]));
            }
        }
        var expressions = node.List(map, "matchExpressions", path) ?? [];
        for (int i = 0; i < expressions.Count; i++)
        {
            var itemPath = $"{path}.matchExpressions[{i}]";
            var item = node.Item(expressions[i], itemPath);
            // Each error points at the offending field's own line, not at the expression's first line.
            var key = node.String(item, "key", itemPath) ?? throw node.Error(item, itemPath, "key is required");
            Check(node, item["key"]!, $"{itemPath}.key", LabelRules.KeyProblem(key));
            var opText = node.String(item, "operator", itemPath) ?? throw node.Error(item, itemPath, "operator is required");
            if (!Enum.TryParse<SelectorOperator>(opText, ignoreCase: false, out var op) || !Enum.IsDefined(op) || opText != op.ToString())
                throw node.Error(item["operator"]!, $"{itemPath}.operator", $"\"{opText}\" is not a valid selector operator (In, NotIn, Exists, DoesNotExist)");
            var valueNodes = node.List(item, "values", itemPath) ?? [];
            var values = valueNodes.Select((v, k) => node.ScalarString(v, $"{itemPath}.values[{k}]")).ToImmutableArray();
            if (op is SelectorOperator.In or SelectorOperator.NotIn && values.IsEmpty)
                throw node.Error(item["values"] ?? item, $"{itemPath}.values", $"must be non-empty when operator is {op}");
            if (op is SelectorOperator.Exists or SelectorOperator.DoesNotExist && !values.IsEmpty)
                throw node.Error(item["values"]!, $"{itemPath}.values", $"must be empty when operator is {op}");
            for (int k = 0; k < values.Length; k++) Check(node, valueNodes[k], $"{itemPath}.values[{k}]", LabelRules.ValueProblem(values[k]));
            requirements.Add(new Requirement(key, op, values));
        }
        return new LabelSelector(requirements.ToImmutable());
    }

    public static Labels ParseLabels(Node node, YMap? labels, string path)
    {
        if (labels is null) return Labels.Empty;
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in labels.Entries)
        {
            pairs.Add(new(key, LabelValue(node, value, $"{path}.{key}")));
        }
        return Labels.From(pairs);
    }

    private static string LabelValue(Node node, YNode value, string path) => value switch
    {
        YScalar { IsNull: true } => "",
        YScalar s => s.Value,
        _ => throw node.Error(value, path, $"must be a string, not a {value.TypeName}"),
    };

    private static void Check(Node node, YNode at, string path, string? problem)
    {
        if (problem is not null) throw node.Error(at, path, problem);
    }
}
