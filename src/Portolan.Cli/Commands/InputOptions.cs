using System.CommandLine;
using Portolan.Core.Analysis;

namespace Portolan.Cli.Commands;

/// <summary>
/// The options every analysing command shares: manifest paths, or a live cluster (--kubeconfig,
/// --context, -n, -A, $KUBECONFIG; docs/live.md), and --ipblock-scope.
/// </summary>
public sealed class InputOptions
{
    public Argument<string[]> Paths { get; } = new("PATH")
    {
        Description = "Manifest files or directories (read recursively: *.yaml, *.yml, *.json); - reads stdin. None: the live cluster of --kubeconfig or $KUBECONFIG (docs/live.md)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string[]> Filenames { get; } = new("--filename", "-f")
    {
        Description = "Same as PATH, as in kubectl; may be repeated",
        HelpName = "PATH",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string> Scope { get; } = new("--ipblock-scope")
    {
        Description = "What ipBlocks and networks match: all = pods with known IPs too, as dataplanes do; external = external addresses only, as np-guard does",
        DefaultValueFactory = _ => "all",
        HelpName = "all|external",
    };

    public Option<string?> Kubeconfig { get; } = new("--kubeconfig")
    {
        Description = "Read the live cluster of this kubeconfig file (default when no PATH is given: $KUBECONFIG, then ~/.kube/config)",
        HelpName = "FILE",
    };

    public Option<string?> Context { get; } = new("--context")
    {
        Description = "The kubeconfig context to read (default: its current-context)",
        HelpName = "NAME",
    };

    public Option<string?> Namespace { get; } = new("--namespace", "-n")
    {
        Description = "Read pods, workloads and NetworkPolicies of this namespace only (default: the context's namespace, else default)",
        HelpName = "NS",
    };

    public Option<bool> AllNamespaces { get; } = new("--all-namespaces", "-A")
    {
        Description = "Read pods, workloads and NetworkPolicies of every namespace (overrides -n, as in kubectl)",
    };

    public InputOptions()
    {
        Choices.Restrict(Scope, "all", "external");
        UnknownOptions.RejectIn(Paths);
        UnknownOptions.RejectIn(Filenames);
    }

    public void AddTo(Command command)
    {
        AddPathsTo(command);
        command.Options.Add(Scope);
    }

    /// <summary>Only the inputs, for a command whose semantics are fixed (compile enforces the kernel's, scope all).</summary>
    public void AddPathsTo(Command command)
    {
        command.Arguments.Add(Paths);
        command.Options.Add(Filenames);
        AddClusterTo(command);
    }

    /// <summary>Adds only the cluster options (for a command with its own PATH argument).</summary>
    public void AddClusterTo(Command command)
    {
        command.Options.Add(Kubeconfig);
        command.Options.Add(Context);
        command.Options.Add(Namespace);
        command.Options.Add(AllNamespaces);
    }

    /// <summary>The paths to read, carrying the cluster options for <see cref="CommandContext.Load"/>.</summary>
    public InputSelection AllPaths(ParseResult result) => Selection(result, [.. result.GetValue(Paths) ?? [], .. result.GetValue(Filenames) ?? []]);

    /// <summary>The cluster options of <paramref name="result"/> around <paramref name="paths"/>.</summary>
    public InputSelection Selection(ParseResult result, IReadOnlyList<string> paths) =>
        new(paths, result.GetValue(Kubeconfig), result.GetValue(Context), result.GetValue(Namespace), result.GetValue(AllNamespaces));

    public IPBlockScope ScopeOf(ParseResult result) =>
        result.GetValue(Scope) == "external" ? IPBlockScope.External : IPBlockScope.All;
}
