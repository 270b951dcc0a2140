using System.CommandLine;
using Portolan.Cli.Git;
using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Diff;
using Portolan.Core.Model;
using Portolan.Kubernetes;
using Portolan.Output.Diff;
using Portolan.Output.Html;

namespace Portolan.Cli.Commands;

/// <summary>portolan diff: what a change opens or closes, between two inputs or two Git revisions.</summary>
public static class DiffCommand
{
    /// <summary>The options of one run. Paths are OLD and NEW, or with Base the paths inside the repository.</summary>
    public sealed record Options(
        IReadOnlyList<string> Paths,
        string? Base,
        string? Head,
        IPBlockScope Scope,
        string Format,
        string FailOn,
        string WorkingDirectory,
        InputSelection? Live = null);

    // kubectl diff: 1 when the inputs differ (here: differ in a kind named by --fail-on).
    private const int Differs = 1;

    public static Command Create(Func<CommandContext> context)
    {
        var inputs = new InputOptions();
        var paths = new Argument<string[]>("PATH")
        {
            Description = "OLD and NEW: manifest files or directories (- reads stdin). NEW alone: OLD is the live cluster (--kubeconfig, $KUBECONFIG). With --base: paths inside the repository (default: the current directory)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var baseRevision = new Option<string?>("--base") { Description = "Git revision to compare from, in the repository around the current directory", HelpName = "REV" };
        var headRevision = new Option<string?>("--head") { Description = "Git revision to compare to (default: the working tree)", HelpName = "REV" };
        var output = new Option<string>("--output", "-o") { Description = "Output format; html is one self-contained page with opened cells green and closed red (docs/web-view.md)", DefaultValueFactory = _ => "txt", HelpName = "txt|json|md|csv|sarif|html" };
        output.AcceptOnlyFromAmong("txt", "json", "md", "csv", "sarif", "html");
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit 1 when a connection was added, removed or changed (any: any of them); else 0",
            DefaultValueFactory = _ => "any",
            HelpName = "added|removed|changed|any",
        };
        failOn.AcceptOnlyFromAmong("added", "removed", "changed", "any");
        var command = new Command("diff", "Show what a change opens or closes: connections added, removed and changed between workloads and external ranges, and workloads added or removed. Compares OLD with NEW, or a Git revision with another or with the working tree.");
        command.Arguments.Add(paths);
        command.Options.Add(baseRevision);
        command.Options.Add(headRevision);
        inputs.AddClusterTo(command);
        command.Options.Add(inputs.Scope);
        command.Options.Add(output);
        command.Options.Add(failOn);
        command.SetAction(parse => Run(context(), new Options(
            parse.GetValue(paths) ?? [], parse.GetValue(baseRevision), parse.GetValue(headRevision), inputs.ScopeOf(parse),
            parse.GetValue(output)!, parse.GetValue(failOn)!, Directory.GetCurrentDirectory(), inputs.Selection(parse, []))));
        return command;
    }

    public static int Run(CommandContext context, Options options)
    {
        var (before, after, exit) = options.Base is null ? LoadFiles(context, options) : LoadRevisions(context, options);
        if (before is null || after is null) return exit;

        if (options.Format == "html") return WriteHtml(context, options, before, after);
        var analyzer = new DiffAnalyzer(before, after, options.Scope);
        var diff = analyzer.Analyze();
        foreach (var warning in diff.Warnings) context.Warn(warning);
        switch (options.Format)
        {
            case "json":
                using (var stream = new Utf8TextWriterStream(context.Stdout)) DiffJsonRenderer.Render(diff, stream);
                break;
            case "sarif":
                var explainer = new DiffExplainer(analyzer.Before, analyzer.After);
                string? UriOf(string file) => file.Length == 0 || file == "<stdin>" ? null
                    : DiffSarifRenderer.RelativeUri(Path.IsPathRooted(file) ? Path.GetRelativePath(options.WorkingDirectory, file) : file);
                var fallback = FirstFile(after) is { } first ? UriOf(first) : null;
                using (var stream = new Utf8TextWriterStream(context.Stdout)) DiffSarifRenderer.Render(diff, explainer.Explain, UriOf, fallback, stream);
                break;
            case "csv": DiffCsvRenderer.Render(diff, context.Stdout); break;
            case "md": DiffMarkdownRenderer.Render(diff, context.Stdout); break;
            default: DiffTextRenderer.Render(diff, context.Stdout); break;
        }
        return Fails(diff, options.FailOn) ? Differs : ExitCodes.Ok;
    }

    private static bool Fails(ConnectivityDiff diff, string failOn) => failOn switch
    {
        "added" => diff.Count(DiffKind.Added) > 0,
        "removed" => diff.Count(DiffKind.Removed) > 0,
        "changed" => diff.Count(DiffKind.Changed) > 0,
        _ => !diff.IsEmpty,
    };

    // The page carries its own diff and warnings; the exit code follows --fail-on as for every format.
    private static int WriteHtml(CommandContext context, Options options, Cluster before, Cluster after)
    {
        // Explanations are of the new side: NEW, or with --base the paths as checked out.
        var title = options.Base is null ? $"diff {options.Paths[0]} {options.Paths[1]}"
            : $"diff --base {options.Base}{(options.Head is null ? "" : $" --head {options.Head}")} {string.Join(" ", options.Paths)}".TrimEnd();
        var diff = HtmlReport.WriteDiff(before, after, options.Scope, context.Stdout,
            WebView.Options(title, options.Base is null ? [options.Paths[1]] : options.Paths));
        foreach (var warning in diff.Warnings) context.Warn(warning);
        return Fails(diff, options.FailOn) ? Differs : ExitCodes.Ok;
    }

    private static (Cluster?, Cluster?, int) LoadFiles(CommandContext context, Options options)
    {
        if (options.Head is not null)
        {
            context.Error("--head needs --base: give both revisions, or OLD and NEW paths without either");
            return (null, null, ExitCodes.Usage);
        }
        // kubectl diff -f NEW: what applying NEW would change in the live cluster.
        if (options.Paths.Count == 1 && (options.Live?.NamesCluster == true || !string.IsNullOrEmpty(context.Environment("KUBECONFIG"))))
        {
            var (live, liveExit) = context.Load(options.Live ?? new InputSelection([], null, null, null, false));
            if (live is null) return (null, null, liveExit);
            var (manifests, manifestsExit) = context.Load([options.Paths[0]]);
            return (live, manifests, manifestsExit);
        }
        if (options.Live?.NamesCluster == true)
        {
            context.Error("with --kubeconfig, --context, -n or -A, diff compares the live cluster with one NEW path");
            return (null, null, ExitCodes.Usage);
        }
        if (options.Paths.Count != 2)
        {
            context.Error($"diff compares two inputs, OLD and NEW (files or directories), or Git revisions with --base; got {options.Paths.Count} path(s)");
            return (null, null, ExitCodes.Usage);
        }
        var (before, exit) = context.Load([options.Paths[0]]);
        if (before is null) return (null, null, exit);
        var (after, exitAfter) = context.Load([options.Paths[1]]);
        return (before, after, exitAfter);
    }

    private static (Cluster?, Cluster?, int) LoadRevisions(CommandContext context, Options options)
    {
        if (options.Live?.NamesCluster == true)
        {
            context.Error("--base compares Git revisions; the cluster options (--kubeconfig, --context, -n, -A) compare the live cluster with one NEW path");
            return (null, null, ExitCodes.Usage);
        }
        try
        {
            var repository = GitRepository.Open(options.WorkingDirectory);
            var paths = (options.Paths.Count == 0 ? ["."] : options.Paths).Select(repository.FromRoot).ToList();
            var baseCommit = repository.ResolveCommit(options.Base!);
            var headCommit = options.Head is null ? null : repository.ResolveCommit(options.Head);
            var emptyBefore = new List<string>();
            var emptyAfter = new List<string>();
            var before = LoadSide(context, $"revision {options.Base}",
                () => GitManifests.Load(repository, baseCommit, paths, context.Stdin, context.Note, emptyBefore));
            if (before is null) return (null, null, ExitCodes.InvalidInput);
            var after = LoadSide(context, options.Head is null ? "the working tree" : $"revision {options.Head}",
                () => GitManifests.Load(repository, headCommit, paths, context.Stdin, context.Note, emptyAfter));
            if (after is null) return (null, null, ExitCodes.InvalidInput);
            var nowhere = emptyBefore.Intersect(emptyAfter, StringComparer.Ordinal).ToList();
            if (nowhere.Count > 0)
            {
                context.Error($"no manifest files under {string.Join(", ", nowhere)} at either side of the comparison");
                return (null, null, ExitCodes.Usage);
            }
            foreach (var path in emptyBefore) context.Note($"no manifest files under {path} at revision {options.Base}");
            foreach (var path in emptyAfter) context.Note($"no manifest files under {path} in {(options.Head is null ? "the working tree" : $"revision {options.Head}")}");
            return (before, after, ExitCodes.Ok);
        }
        catch (GitException e)
        {
            context.Error(e.Message);
            return (null, null, e.ExitCode);
        }
    }

    private static Cluster? LoadSide(CommandContext context, string side, Func<Cluster> load)
    {
        try
        {
            return load();
        }
        catch (ManifestException e)
        {
            context.Error($"in {side}: {e.Message}");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error($"in {side}: {e.Message}");
            return null;
        }
    }

    private static string? FirstFile(Cluster cluster) =>
        cluster.Policies.Select(p => p.Origin.File).Concat(cluster.Pods.Select(p => p.Origin.File))
            .FirstOrDefault(f => f.Length > 0 && f != "<stdin>");
}
