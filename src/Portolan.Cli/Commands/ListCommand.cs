using System.CommandLine;
using Portolan.Core.Analysis;
using Portolan.Output;

namespace Portolan.Cli.Commands;

/// <summary>portolan list: every allowed connection between workloads and external ranges.</summary>
public static class ListCommand
{
    public static Command Create(Func<CommandContext> context)
    {
        var inputs = new InputOptions();
        var output = new Option<string>("--output", "-o")
        {
            Description = "Output format",
            DefaultValueFactory = _ => "txt",
            HelpName = "txt|json|csv|md|dot",
        };
        Choices.Restrict(output, "txt", "json", "csv", "md", "dot");
        var command = new Command("list", "List every allowed connection: which workload (or external range) can reach which, on which protocols and ports.");
        inputs.AddTo(command);
        command.Options.Add(output);
        command.SetAction(parse => Run(context(), inputs.AllPaths(parse), inputs.ScopeOf(parse), parse.GetValue(output)!));
        return command;
    }

    public static int Run(CommandContext context, IReadOnlyList<string> paths, IPBlockScope scope, string format)
    {
        var (cluster, exit) = context.Load(paths);
        if (cluster is null) return exit;
        var result = new ConnectivityAnalyzer(cluster, scope).Analyze();
        foreach (var warning in result.Warnings) context.Warn(warning);
        switch (format)
        {
            case "json":
                using (var stream = new Utf8TextWriterStream(context.Stdout)) ListJsonRenderer.Render(result, stream);
                break;
            case "csv": ListCsvRenderer.Render(result, context.Stdout); break;
            case "md": ListMarkdownRenderer.Render(result, context.Stdout); break;
            case "dot": ListDotRenderer.Render(result, context.Stdout); break;
            default: ListTextRenderer.Render(result, context.Stdout); break;
        }
        return ExitCodes.Ok;
    }
}
