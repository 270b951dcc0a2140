using System.Collections;

namespace Portolan.Cli.Commands;

/// <summary>
/// What an analysing command was asked to read: the paths (this is the list of them, so a handler
/// that takes <c>IReadOnlyList&lt;string&gt;</c> passes it on unchanged) and the cluster options.
/// <see cref="CommandContext.Load"/> reads files when paths are given, else the live cluster.
/// </summary>
public sealed class InputSelection(IReadOnlyList<string> paths, string? kubeconfig, string? context, string? ns, bool allNamespaces) : IReadOnlyList<string>
{
    public string? Kubeconfig { get; } = kubeconfig;

    public string? Context { get; } = context;

    public string? Namespace { get; } = ns;

    public bool AllNamespaces { get; } = allNamespaces;

    /// <summary>Whether any cluster option was given on the command line.</summary>
    public bool NamesCluster => Kubeconfig is not null || Context is not null || Namespace is not null || AllNamespaces;

    public string this[int index] => paths[index];

    public int Count => paths.Count;

    public IEnumerator<string> GetEnumerator() => paths.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
