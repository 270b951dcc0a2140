using System.Collections.Immutable;
using Portolan.Core.Model;
using Portolan.Kubernetes.Parsing;
using Portolan.Kubernetes.Yaml;

namespace Portolan.Kubernetes;

/// <summary>
/// Reads manifests (files, directories, stdin) into a validated <see cref="Cluster"/>. Documents are
/// parsed and converted one at a time. Unknown kinds and non-objects are skipped with a note.
/// Throws <see cref="ManifestException"/> for invalid input.
/// </summary>
public sealed class ManifestLoader(TextReader stdin, Action<string> note)
{
    private static readonly ImmutableHashSet<string> IgnoredKinds = ImmutableHashSet.Create(StringComparer.Ordinal, "Service");

    private readonly ClusterBuilder _builder = new();

    public Cluster Load(IEnumerable<string> paths)
    {
        foreach (var file in ManifestSource.Expand(paths)) LoadFile(file);
        return _builder.Build(note);
    }

    public void LoadFile(string file)
    {
        if (file == ManifestSource.Stdin)
        {
            LoadText(stdin, "<stdin>");
            return;
        }
        using var reader = new StreamReader(file, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        LoadText(reader, file);
    }

    public void LoadText(TextReader reader, string file)
    {
        try
        {
            foreach (var document in YamlDocumentReader.Read(reader, file)) LoadDocument(document);
        }
        catch (ManifestSyntaxException e)
        {
            throw new ManifestException(new SourceLocation(e.File, e.Line), null, e.Message);
        }
    }

    private void LoadDocument(YamlDocument document)
    {
        switch (document.Root)
        {
            case null or YScalar { IsNull: true }:
                return;
            case YMap map:
                LoadObject(map, document.File, null);
                return;
            default:
                note($"{document.File}:{document.Root.Line}: skipping a document that is a {document.Root.TypeName}, not an object");
                return;
        }
    }

    private void LoadObject(YMap root, string file, (string ApiVersion, string Kind)? fromList)
    {
        var header = Header(root, file, fromList);
        if (header is null) return;
        var node = new Node(file, header.Display, note);
        if (IsList(header))
        {
            var items = node.List(root, "items", "") ?? [];
            var itemKind = header.Kind == "List" ? null : header.Kind[..^"List".Length];
            foreach (var item in items)
            {
                if (item is YMap map) LoadObject(map, file, (header.ApiVersion, itemKind ?? ""));
                else note($"{file}:{item.Line}: skipping a list item that is a {item.TypeName}, not an object");
            }
            return;
        }
        switch (header.Kind)
        {
            case "Namespace":
                _builder.Add(header, NamespaceParser.ParseNamespace(header, node));
                break;
            case "Pod":
                _builder.Add(header, PodParser.ParsePod(header, node));
                break;
            case var kind when PodParser.WorkloadKinds.Contains(kind):
                _builder.Add(header, PodParser.ParseWorkload(header, node));
                break;
            case "NetworkPolicy":
                _builder.Add(header, NetworkPolicyParser.Parse(header, node));
                break;
            case "AdminNetworkPolicy" or "BaselineAdminNetworkPolicy" or "ClusterNetworkPolicy":
                _builder.Add(header, AdminPolicyParser.Parse(header, node));
                break;
            case "Node":
                _builder.Add(header, NamespaceParser.ParseNode(header, node));
                break;
            case var kind when IgnoredKinds.Contains(kind):
                _builder.Register(header);
                break;
            default:
                note($"{header.Origin}: skipping {header.Display}: kind {header.Kind} is not analysed");
                break;
        }
    }

    private static bool IsList(ObjectHeader header) =>
        header.Kind.EndsWith("List", StringComparison.Ordinal) && header.Root.Has("items");

    private static ObjectHeader? Header(YMap root, string file, (string ApiVersion, string Kind)? fromList)
    {
        var node = new Node(file, "object");
        var apiVersion = node.String(root, "apiVersion", "");
        var kind = node.String(root, "kind", "");
        if (string.IsNullOrEmpty(kind) && !string.IsNullOrEmpty(fromList?.Kind)) kind = fromList.Value.Kind;
        if (string.IsNullOrEmpty(apiVersion) && fromList is not null) apiVersion = fromList.Value.ApiVersion;
        if (string.IsNullOrEmpty(kind)) throw node.Error(root, "", "kind is missing: every object needs apiVersion and kind");
        if (string.IsNullOrEmpty(apiVersion)) throw new ManifestException(new SourceLocation(file, root.Line), kind, "apiVersion is missing: every object needs apiVersion and kind");
        var metadata = node.Map(root, "metadata", "");
        var isList = kind.EndsWith("List", StringComparison.Ordinal) && root.Has("items");
        if (isList) return new ObjectHeader(apiVersion, kind, "", null, metadata ?? new YMap(root.Line), root, new SourceLocation(file, root.Line));
        var named = new Node(file, kind);
        if (metadata is null) throw named.Error(root, "metadata", "is required (with a name)");
        var name = named.String(metadata, "name", "metadata");
        if (string.IsNullOrEmpty(name)) throw named.Error(metadata, "metadata.name", "is required");
        if (NameRules.LengthProblem(name, kind == "Namespace" ? NameRules.MaxNamespace : NameRules.MaxName) is { } nameProblem)
            throw named.Error(metadata["name"]!, "metadata.name", nameProblem);
        var ns = named.String(metadata, "namespace", "metadata");
        if (ns is not null && NameRules.LengthProblem(ns, NameRules.MaxNamespace) is { } nsProblem)
            throw named.Error(metadata["namespace"]!, "metadata.namespace", nsProblem);
        var clusterScoped = kind is "Namespace" or "Node" or "AdminNetworkPolicy" or "BaselineAdminNetworkPolicy" or "ClusterNetworkPolicy";
        return new ObjectHeader(apiVersion, kind, name, clusterScoped ? null : (string.IsNullOrEmpty(ns) ? "default" : ns),
            metadata, root, new SourceLocation(file, root.Line));
    }
}
