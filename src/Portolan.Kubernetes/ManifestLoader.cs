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
    /// <summary>How standard input is named in messages.</summary>
    public const string StdinName = "<stdin>";

    private static readonly ImmutableHashSet<string> IgnoredKinds = ImmutableHashSet.Create(StringComparer.Ordinal, "Service");

    private readonly ClusterBuilder _builder = new();

    /// <summary>Called after each file is parsed with (files done, files in all); from worker threads.</summary>
    public Action<int, int>? Progress { get; init; }

    /// <summary>What one file contributed: objects to add, notes, or the first error, kept in file order.</summary>
    private sealed class FileSink
    {
        public List<Action<ClusterBuilder>> Items { get; } = [];

        public List<string> Notes { get; } = [];

        public ManifestException? Error { get; set; }

        public PodSharing Sharing { get; } = new();
    }

    /// <summary>
    /// Files are parsed in parallel (parsing dominates load time), then merged strictly in input
    /// order, so objects, notes, duplicate checks and the error reported are the same as a serial load.
    /// </summary>
    public Cluster Load(IEnumerable<string> paths)
    {
        var files = ManifestSource.Expand(paths).ToList();
        var sinks = new FileSink[files.Count];
        var parallel = files.Where(f => f != ManifestSource.Stdin).Count() > 1;
        var done = 0;
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = parallel ? Environment.ProcessorCount : 1 }, i =>
        {
            if (files[i] != ManifestSource.Stdin) sinks[i] = LoadFile(files[i]);
            Progress?.Invoke(Interlocked.Increment(ref done), files.Count);
        });
        for (int i = 0; i < files.Count; i++) Merge(sinks[i] ?? LoadFile(files[i]));
        return _builder.Build(note);
    }

    private void Merge(FileSink sink)
    {
        foreach (var message in sink.Notes) note(message);
        if (sink.Error is not null) throw sink.Error;
        foreach (var item in sink.Items) item(_builder);
    }

    private FileSink LoadFile(string file)
    {
        if (file == ManifestSource.Stdin) return Parse(stdin, StdinName);
        using var reader = new StreamReader(file, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(reader, file);
    }

    /// <summary>Loads one named text now (e.g. a file read from a Git revision); <see cref="Load"/> then builds.</summary>
    public void LoadText(TextReader reader, string file) => Merge(Parse(reader, file));

    /// <summary>What <see cref="LoadText"/> has read so far, without the checks and notes about the whole input.</summary>
    public Cluster Collected() => _builder.Collected();

    private static FileSink Parse(TextReader reader, string file)
    {
        var sink = new FileSink();
        try
        {
            foreach (var document in YamlDocumentReader.Read(reader, file)) LoadDocument(document, sink);
        }
        catch (ManifestSyntaxException e)
        {
            sink.Error = new ManifestException(new SourceLocation(e.File, e.Line), null, e.Message);
        }
        catch (ManifestException e)
        {
            sink.Error = e;
        }
        return sink;
    }

    private static void LoadDocument(YamlDocument document, FileSink sink)
    {
        switch (document.Root)
        {
            case null or YScalar { IsNull: true }:
                return;
            case YMap map:
                LoadObject(map, document.File, null, sink);
                return;
            default:
                sink.Notes.Add($"{document.File}:{document.Root.Line}: skipping a document that is a {document.Root.TypeName}, not an object");
                return;
        }
    }

    private static void LoadObject(YMap root, string file, (string ApiVersion, string Kind)? fromList, FileSink sink)
    {
        var header = Header(root, file, fromList);
        if (header is null) return;
        var node = new Node(file, header.Display, sink.Notes.Add);
        if (IsList(header))
        {
            var items = node.List(root, "items", "") ?? [];
            var itemKind = header.Kind == "List" ? null : header.Kind[..^"List".Length];
            foreach (var item in items)
            {
                if (item is YMap map) LoadObject(map, file, (header.ApiVersion, itemKind ?? ""), sink);
                else sink.Notes.Add($"{file}:{item.Line}: skipping a list item that is a {item.TypeName}, not an object");
            }
            return;
        }
        switch (header.Kind)
        {
            case "Namespace":
                Add(sink, header, NamespaceParser.ParseNamespace(header, node));
                break;
            case "Pod":
                Add(sink, header, PodParser.ParsePod(header, node));
                break;
            case var kind when PodParser.WorkloadKinds.Contains(kind):
                Add(sink, header, PodParser.ParseWorkload(header, node));
                break;
            case "NetworkPolicy":
                Add(sink, header, NetworkPolicyParser.Parse(header, node));
                break;
            case "AdminNetworkPolicy" or "BaselineAdminNetworkPolicy" or "ClusterNetworkPolicy":
                Add(sink, header, AdminPolicyParser.Parse(header, node));
                break;
            case "Node":
                Add(sink, header, NamespaceParser.ParseNode(header, node));
                break;
            case var kind when IgnoredKinds.Contains(kind):
                var id = header.Id;
                sink.Items.Add(b => b.Register(id));
                break;
            default:
                sink.Notes.Add($"{header.Origin}: skipping {header.Display}: kind {header.Kind} is not analysed");
                break;
        }
    }

    // Items capture the header's identity only, never the header: it holds the object's YAML tree.
    private static void Add(FileSink sink, ObjectHeader header, NamespaceInfo value)
    {
        var id = header.Id;
        sink.Items.Add(b => b.Add(id, value));
    }

    private static void Add(FileSink sink, ObjectHeader header, Pod value)
    {
        var shared = sink.Sharing.Share(value);
        var id = header.Id;
        sink.Items.Add(b => b.Add(id, shared));
    }

    private static void Add(FileSink sink, ObjectHeader header, Policy value)
    {
        var id = header.Id;
        sink.Items.Add(b => b.Add(id, value));
    }

    private static void Add(FileSink sink, ObjectHeader header, NodeInfo value)
    {
        var id = header.Id;
        sink.Items.Add(b => b.Add(id, value));
    }

    // "Pod shop/web", "object shop/web" without a kind, "object" without a name either.
    private static string Describe(YMap root, string? kind)
    {
        var metadata = root["metadata"] as YMap;
        var name = (metadata?["name"] as YScalar)?.Value;
        var ns = (metadata?["namespace"] as YScalar)?.Value;
        var what = string.IsNullOrEmpty(kind) ? "object" : kind;
        if (string.IsNullOrEmpty(name)) return what;
        return string.IsNullOrEmpty(ns) ? $"{what} {name}" : $"{what} {ns}/{name}";
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
        if (string.IsNullOrEmpty(kind) || string.IsNullOrEmpty(apiVersion))
        {
            // Name the object as far as it can be named, so the user can find it among many.
            var missing = string.IsNullOrEmpty(kind) ? "kind" : "apiVersion";
            throw new ManifestException(new SourceLocation(file, root.Line), Describe(root, kind),
                $"{missing} is missing: every object needs apiVersion and kind");
        }
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
