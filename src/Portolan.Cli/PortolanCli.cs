using System.CommandLine;
using System.CommandLine.Help;
using Portolan.Cli.Commands;

namespace Portolan.Cli;

/// <summary>The portolan command line: parses, dispatches, and maps failures to exit codes.</summary>
public sealed class PortolanCli(TextReader stdin, TextWriter stdout, TextWriter stderr, bool stderrRedirected = true, Func<string, string?>? environment = null)
{
    public const int HelpWidth = 100;

    /// <summary>The name help and messages use, whatever the executable is called (testhost, kubectl-portolan).</summary>
    public const string CommandName = "portolan";

    public bool StderrRedirected { get; } = stderrRedirected;

    public RootCommand BuildRoot()
    {
        var context = () => new CommandContext(stdin, stdout, stderr, !StderrRedirected) { Environment = environment ?? (_ => null) };
        var root = new RootCommand("Portolan maps, explains and guards Kubernetes network policy: who can reach whom, on which port, because of which rule.")
        {
            HelpName = CommandName,
        };
        root.Subcommands.Add(ListCommand.Create(context));
        root.Subcommands.Add(EvalCommand.Create(context));
        root.Subcommands.Add(DiffCommand.Create(context));
        root.Subcommands.Add(LintCommand.Create(context));
        root.Subcommands.Add(CheckCommand.Create(context));
        root.Subcommands.Add(CompileCommand.Create(context));
        root.Subcommands.Add(LabCommand.Create(context));
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(GenerateCommand.Create(context));
        root.Subcommands.Add(ConvertCommand.Create(context));
        return root;
    }

    public int Run(string[] args)
    {
        var root = BuildRoot();
        var parse = root.Parse(args);
        foreach (var option in AllOptions(root).OfType<HelpOption>())
        {
            if (option.Action is HelpAction help) help.MaxWidth = HelpWidth;
        }
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        if (parse.Action is not HelpAction && parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) stderr.WriteLine($"portolan: error: {error.Message}");
            stderr.WriteLine($"Run '{string.Join(" ", CommandPath(parse))} --help' for usage.");
            return ExitCodes.Usage;
        }
        if (parse.Action is HelpAction) return WriteHelp(parse, configuration);
        try
        {
            return parse.Invoke(configuration);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stderr.WriteLine($"portolan: internal error: {e.GetType().Name}: {e.Message} (please report this with the input that caused it)");
            return ExitCodes.Internal;
        }
    }

    // System.CommandLine pads wrapped help lines with trailing spaces; users (and snapshot files) should not see them.
    private int WriteHelp(ParseResult parse, InvocationConfiguration configuration)
    {
        var help = new StringWriter();
        var exit = parse.Invoke(new InvocationConfiguration { Output = help, Error = configuration.Error, EnableDefaultExceptionHandler = false });
        var text = string.Join('\n', help.ToString().ReplaceLineEndings("\n").Split('\n').Select(line => line.TrimEnd()));
        if (parse.CommandResult.Command is RootCommand root) text = RootHelp.ShortenCommands(text, root, HelpWidth);
        stdout.Write(text);
        return exit;
    }

    private static List<string> CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var symbol = parse.CommandResult; symbol is not null; symbol = symbol.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, symbol.Command is RootCommand ? CommandName : symbol.Command.Name);
        }
        return names;
    }

    private static IEnumerable<Option> AllOptions(Command command) =>
        command.Options.Concat(command.Subcommands.SelectMany(AllOptions));
}
