using System.Collections.Immutable;
using Portolan.Core.Model;
using Portolan.Kubernetes.Parsing;

namespace Portolan.Kubernetes;

/// <summary>Collects parsed objects, rejects duplicates, and checks what only the whole set can show.</summary>
public sealed class ClusterBuilder
{
    private readonly Dictionary<(string Kind, string Namespace, string Name), SourceLocation> _seen = [];
    private readonly Dictionary<string, NamespaceInfo> _namespaces = new(StringComparer.Ordinal);
    private readonly List<Pod> _pods = [];
    private readonly List<Policy> _policies = [];
    private readonly List<NodeInfo> _nodes = [];

    public void Register(ObjectId header)
    {
        var key = (header.Kind, header.Namespace ?? "", header.Name);
        if (_seen.TryGetValue(key, out var first))
            throw new ManifestException(header.Origin, header.Display, $"duplicate object: {header.Display} is already defined at {first}");
        _seen[key] = header.Origin;
    }

    public void Add(ObjectId header, NamespaceInfo ns)
    {
        Register(header);
        _namespaces[ns.Name] = ns;
    }

    public void Add(ObjectId header, Pod pod)
    {
        Register(header);
        _pods.Add(pod);
    }

    public void Add(ObjectId header, Policy policy)
    {
        Register(header);
        _policies.Add(policy);
    }

    public void Add(ObjectId header, NodeInfo node)
    {
        Register(header);
        _nodes.Add(node);
    }

    /// <summary>The objects so far, as they are: for reading one object at a time (a watch event).</summary>
    public Cluster Collected() =>
        new(_namespaces.ToImmutableDictionary(StringComparer.Ordinal), [.. _pods], [.. _policies], [.. _nodes]);

    public Cluster Build(Action<string> note)
    {
        AdminPolicyParser.CheckSet(_policies);
        foreach (var warning in AdminPolicyParser.Warnings(_policies, _nodes.Count > 0)) note($"warning: {warning}");
        if (_pods.Count == 0) note("no workloads or pods found in the input");
        if (_policies.Count == 0) note("no policies found in the input: every connection is allowed");
        return new Cluster(_namespaces.ToImmutableDictionary(StringComparer.Ordinal), [.. _pods], [.. _policies], [.. _nodes]);
    }
}
