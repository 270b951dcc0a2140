using System.CommandLine;
using Portolan.Core.Analysis;

namespace Portolan.Cli.Commands;

/// <summary>The options every analysing command shares: inputs and --ipblock-scope.</summary>
public sealed class InputOptions
{
    public Argument<string[]> Paths { get; } = new("PATH")
    {
        Description = "Manifest files or directories (read recursively: *.yaml, *.yml, *.json); - reads stdin",
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
    }

    public IReadOnlyList<string> AllPaths(ParseResult result) =>
        [.. result.GetValue(Paths) ?? [], .. result.GetValue(Filenames) ?? []];

    public IPBlockScope ScopeOf(ParseResult result) =>
        result.GetValue(Scope) == "external" ? IPBlockScope.External : IPBlockScope.All;
}
