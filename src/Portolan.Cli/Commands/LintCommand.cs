using System.CommandLine;
using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Lint;
using Portolan.Output.Findings;

namespace Portolan.Cli.Commands;

/// <summary>portolan lint: over-broad and broken policy, with a file and line for each finding (issue 5).</summary>
public static class LintCommand
{
    /// <summary>The options of one run.</summary>
    public sealed record Options(
        IReadOnlyList<string> Paths,
        IPBlockScope Scope,
        string Format,
        IReadOnlyList<string> Disabled,
        string FailSeverity,
        bool ListRules,
        string WorkingDirectory);

    // Like diff: 1 when there is a finding at or above --fail-severity.
    private const int Findings = 1;

    public static Command Create(Func<CommandContext> context)
    {
        var inputs = new InputOptions();
        var output = new Option<string>("--output", "-o") { Description = "Output format", DefaultValueFactory = _ => "txt", HelpName = "txt|json|sarif|junit" };
        output.AcceptOnlyFromAmong([.. FindingRenderers.Formats]);
        var disable = new Option<string[]>("--disable")
        {
            Description = "Do not run this rule (an id from --list-rules; may be repeated or comma-separated)",
            HelpName = "RULE",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var failSeverity = new Option<string>("--fail-severity")
        {
            Description = "Exit 1 when a finding is at or above this severity (none: never); else 0",
            DefaultValueFactory = _ => "warning",
            HelpName = "info|warning|error|none",
        };
        failSeverity.AcceptOnlyFromAmong("info", "warning", "error", "none");
        var listRules = new Option<bool>("--list-rules") { Description = "Print the catalogue of rules (id, severity, explanation, fix) and exit" };
        var command = new Command("lint", """
            Find over-broad and broken policy (permit any any, every namespace admitted, 0.0.0.0/0, no default-deny, unselected pods, selectors that match nothing, shadowed rules, Pass reaching nothing, unresolved named ports, DNS blocked, rules ignored by policyTypes), each with a file, a line and a rule id. Exit 1 when a finding is at or above --fail-severity.

            Silence rules for one object with the annotation portolan.dev/lint-disable: "ID,ID" (or "all") on a policy, workload, pod or namespace (then for everything in it).

            Examples:
              portolan lint k8s/
              portolan lint k8s/ -o sarif > lint.sarif
              portolan lint k8s/ --disable missing-default-deny-egress
              portolan lint k8s/ --fail-severity error -o junit
              portolan lint --list-rules
            """);
        inputs.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(disable);
        command.Options.Add(failSeverity);
        command.Options.Add(listRules);
        command.SetAction(parse => Run(context(), new Options(
            inputs.AllPaths(parse), inputs.ScopeOf(parse), parse.GetValue(output)!, parse.GetValue(disable) ?? [],
            parse.GetValue(failSeverity)!, parse.GetValue(listRules), Directory.GetCurrentDirectory())));
        return command;
    }

    public static int Run(CommandContext context, Options options)
    {
        var disabled = options.Disabled.SelectMany(d => d.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.Ordinal);
        var unknown = disabled.Where(id => LintCatalogue.Find(id) is null).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            context.Error($"--disable: no lint rule {string.Join(", ", unknown.Select(u => $"\"{u}\""))}; the rules are: {string.Join(", ", LintCatalogue.All.Select(r => r.Id))}");
            return ExitCodes.Usage;
        }
        if (options.ListRules)
        {
            LintRuleList.Write(context.Stdout);
            return ExitCodes.Ok;
        }
        var (cluster, exit) = context.Load(options.Paths);
        if (cluster is null) return exit;

        var result = Linter.Run(cluster, options.Scope, disabled);
        foreach (var warning in result.Warnings) context.Warn(warning);
        var report = Report(result);
        FindingRenderers.Write(options.Format, report, context.Stdout, options.WorkingDirectory);
        context.Stdout.Flush();
        // "none" parses as no severity: never fail.
        if (!FindingFormat.TryParseSeverity(options.FailSeverity, out var threshold)) return ExitCodes.Ok;
        return report.Findings.Any(f => f.Severity >= threshold) ? Findings : ExitCodes.Ok;
    }

    /// <summary>Lint's findings in the shared finding model (the catalogue as its rules).</summary>
    public static FindingReport Report(LintResult result) => new("lint",
        [.. LintCatalogue.All.Select(r => new FindingRule(r.Id, r.Name, Severity(r.Severity), r.Summary, r.Explanation, r.FixHint))],
        [.. result.Findings.Select(f => new Finding(f.Rule.Id, Severity(f.Severity), f.Message, f.Object, f.Location, f.Details))]);

    private static FindingSeverity Severity(LintSeverity severity) => severity switch
    {
        LintSeverity.Error => FindingSeverity.Error,
        LintSeverity.Warning => FindingSeverity.Warning,
        _ => FindingSeverity.Info,
    };
}
