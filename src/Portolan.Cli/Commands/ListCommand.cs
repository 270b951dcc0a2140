using System.CommandLine;
using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Compressed;
using Portolan.Output;
using Portolan.Output.Html;

namespace Portolan.Cli.Commands;

/// <summary>portolan list: every allowed connection between workloads and external ranges.</summary>
public static class ListCommand
{
    public static Command Create(Func<CommandContext> context)
    {
        var inputs = new InputOptions();
        var output = new Option<string>("--output", "-o")
        {
            Description = "Output format; html is one self-contained page to open offline (matrix, graph, each cell explained; docs/web-view.md), e.g. -o html > map.html; stats decides every pair but prints counts and phase timings instead",
            DefaultValueFactory = _ => "txt",
            HelpName = "txt|json|csv|md|dot|html|stats",
        };
        Choices.Restrict(output, "txt", "json", "csv", "md", "dot", "html", "stats");
        var stats = new Option<bool>("--stats") { Description = "Also print counts and phase timings (wall, CPU, GC pauses, peak RSS) on stderr" };
        var command = new Command("list", "List every allowed connection: which workload (or external range) can reach which, on which protocols and ports.");
        inputs.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(stats);
        command.SetAction(parse => Run(context(), inputs.AllPaths(parse), inputs.ScopeOf(parse), parse.GetValue(output)!, parse.GetValue(stats)));
        return command;
    }

    public static int Run(CommandContext context, IReadOnlyList<string> paths, IPBlockScope scope, string format, bool stats = false)
    {
        var clock = new PhaseClock();
        var (cluster, exit) = clock.Time("load", () => context.Load(paths));
        if (cluster is null) return exit;
        var engine = clock.Time("build", () => new CompressedEngine(cluster, scope));
        var report = new CompressedReport(engine);
        foreach (var warning in report.Warnings) context.Warn(warning);
        if (format == "stats")
        {
            var pairs = clock.Time("analyse", report.CountWorkloadPairs);
            ListStats.Write(context.Stdout, engine, report, pairs, clock);
            return ExitCodes.Ok;
        }
        clock.Time("analyse", () =>
        {
            report.DecideAll();
            return 0;
        });
        clock.Time("write", () =>
        {
            switch (format)
            {
                case "json":
                    using (var stream = new Utf8TextWriterStream(context.Stdout)) ListJsonRenderer.Render(report, stream);
                    break;
                case "txt":
                    using (var stream = new Utf8TextWriterStream(context.Stdout)) ListTextRenderer.Render(report, stream);
                    break;
                case "html":
                    HtmlReport.WriteList(engine, context.Stdout, WebView.Options($"list {(paths.Count == 0 ? "." : string.Join(" ", paths))}", paths));
                    break;
                default:
                    var result = new ConnectivityResult(report.Peers, [.. report.Connections()], report.Warnings);
                    if (format == "csv") ListCsvRenderer.Render(result, context.Stdout);
                    else if (format == "md") ListMarkdownRenderer.Render(result, context.Stdout);
                    else ListDotRenderer.Render(result, context.Stdout);
                    break;
            }
            context.Stdout.Flush();
            return 0;
        });
        if (stats) ListStats.Write(context.Stderr, engine, report, null, clock);
        return ExitCodes.Ok;
    }
}
