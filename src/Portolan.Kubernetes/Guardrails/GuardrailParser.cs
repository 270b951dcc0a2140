using System.Collections.Immutable;
using Portolan.Core.Analysis.Guardrails;
using Portolan.Core.Model;
using Portolan.Kubernetes.Parsing;
using Portolan.Kubernetes.Yaml;

namespace Portolan.Kubernetes.Guardrails;

/// <summary>
/// Reads guardrails files (apiVersion portolan.dev/v1alpha1, kind Guardrails; docs/guardrails.md).
/// Strict: an unknown field is an error, since a misspelt selector would widen a statement silently.
/// Every error is a <see cref="ManifestException"/> naming the file, the line and the statement.
/// </summary>
public static class GuardrailParser
{
    public const string ApiVersion = "portolan.dev/v1alpha1";
    public const string Kind = "Guardrails";

    /// <summary>Reads files in order into one set; statement names are unique across all of them.</summary>
    public static GuardrailSet Load(IEnumerable<string> files)
    {
        var statements = ImmutableArray.CreateBuilder<Guardrail>();
        var names = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            using var reader = new StreamReader(file, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            Add(statements, names, Parse(reader, file));
        }
        return new GuardrailSet(statements.ToImmutable());
    }

    /// <summary>Every statement of one text (one or more documents).</summary>
    public static GuardrailSet Parse(TextReader reader, string file)
    {
        var statements = ImmutableArray.CreateBuilder<Guardrail>();
        var names = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        try
        {
            foreach (var document in YamlDocumentReader.Read(reader, file))
            {
                if (document.Root is null or YScalar { IsNull: true }) continue;
                Add(statements, names, ParseDocument(document.Root, file));
            }
        }
        catch (ManifestSyntaxException e)
        {
            throw new ManifestException(new SourceLocation(e.File, e.Line), null, e.Message);
        }
        return new GuardrailSet(statements.ToImmutable());
    }

    private static void Add(ImmutableArray<Guardrail>.Builder into, Dictionary<string, SourceLocation> names, GuardrailSet set)
    {
        foreach (var statement in set.Statements)
        {
            if (names.TryGetValue(statement.Name, out var first))
                throw new ManifestException(statement.Origin, $"guardrail {statement.Name}", $"the name is already used at {first}; names must be unique");
            names[statement.Name] = statement.Origin;
            into.Add(statement);
        }
    }

    private static GuardrailSet ParseDocument(YNode root, string file)
    {
        var node = new Node(file, Kind);
        var map = node.Item(root, "");
        Fields.Known(node, map, "", "apiVersion", "kind", "metadata", "spec");
        var apiVersion = node.String(map, "apiVersion", "");
        var kind = node.String(map, "kind", "");
        if (kind != Kind || apiVersion != ApiVersion)
            throw node.Error(map, "", $"a guardrails file holds apiVersion {ApiVersion}, kind {Kind} documents, not apiVersion {apiVersion ?? "(none)"}, kind {kind ?? "(none)"}");
        if (node.Map(map, "metadata", "") is { } metadata) Fields.Known(node, metadata, "metadata", "name", "labels", "annotations");
        var spec = node.Map(map, "spec", "") ?? throw node.Error(map, "spec", "is required");
        Fields.Known(node, spec, "spec", "guardrails");
        var items = node.List(spec, "guardrails", "spec") ?? throw node.Error(spec, "spec.guardrails", "is required: a list of named statements");
        var statements = ImmutableArray.CreateBuilder<Guardrail>(items.Count);
        for (int i = 0; i < items.Count; i++) statements.Add(StatementParser.Parse(file, items[i], $"spec.guardrails[{i}]"));
        return new GuardrailSet(statements.MoveToImmutable());
    }
}
