using System.CommandLine;
using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Analysis.Guardrails;
using Portolan.Kubernetes.Guardrails;
using Portolan.Output.Findings;
using Portolan.Output.Guardrails;

namespace Portolan.Cli.Commands;

/// <summary>portolan check: the security team's guardrails over the computed connectivity, with counterexamples.</summary>
public static class CheckCommand
{
    public sealed record Options(
        IReadOnlyList<string> Guardrails,
        IReadOnlyList<string> Paths,
        IPBlockScope Scope,
        string Format,
        int MaxPerGuardrail,
        string WorkingDirectory);

    // kubectl-like: 1 when the answer is "violations".
    private const int Violated = 1;

    public static Command Create(Func<CommandContext> context)
    {
        var inputs = new InputOptions();
        var guardrails = new Option<string[]>("--guardrails")
        {
            Description = "Guardrails file (apiVersion portolan.dev/v1alpha1, kind Guardrails; see docs/guardrails.md); may be repeated",
            HelpName = "FILE",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--output", "-o") { Description = "Output format", DefaultValueFactory = _ => "txt", HelpName = "txt|json|sarif|junit" };
        output.AcceptOnlyFromAmong([.. FindingRenderers.Formats]);
        var max = new Option<int>("--max-per-guardrail")
        {
            Description = "Report at most N violations of each guardrail (the first by file and line); 0 reports all. The exit code counts all",
            DefaultValueFactory = _ => 20,
            HelpName = "N",
        };
        max.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0) result.AddError("--max-per-guardrail: must be 0 (all) or more");
        });
        var command = new Command("check", """
            Check guardrails against the computed connectivity: deny (must never be reachable), require (must stay reachable), only (may be reached only from these sources on these ports), isolated (namespaces that must be default-deny). Each violation names a concrete connection and the rule that opens or blocks it. Exit 0 all hold, 1 a violation, 2 usage error, 3 invalid manifests or guardrails.

            Examples:
              portolan check --guardrails guardrails.yaml k8s/
              portolan check --guardrails guardrails.yaml -f k8s/ -o sarif > check.sarif
            """);
        inputs.AddTo(command);
        command.Options.Add(guardrails);
        command.Options.Add(output);
        command.Options.Add(max);
        command.SetAction(parse => Run(context(), new Options(parse.GetValue(guardrails) ?? [], inputs.AllPaths(parse), inputs.ScopeOf(parse),
            parse.GetValue(output)!, parse.GetValue(max), Directory.GetCurrentDirectory())));
        return command;
    }

    public static int Run(CommandContext context, Options options)
    {
        // The guardrails first: a broken file fails before the (possibly long) manifest load.
        var (set, failed) = GuardrailInput.Load(context, options.Guardrails);
        if (set is null) return failed;
        var (cluster, exit) = context.Load(options.Paths);
        if (cluster is null) return exit;

        var evaluator = new GuardrailEvaluator(new CompressedEngine(cluster, options.Scope, set.AddressCuts));
        var findings = new List<Finding>();
        var total = 0;
        foreach (var statement in set.Statements)
        {
            var violations = evaluator.Evaluate(statement).Select(GuardrailFindings.Finding).Order(FindingOrder.Instance).ToList();
            total += violations.Count;
            if (options.MaxPerGuardrail > 0 && violations.Count > options.MaxPerGuardrail)
            {
                context.Note($"guardrail {statement.Name}: {violations.Count} violations, the first {options.MaxPerGuardrail} reported (--max-per-guardrail 0 reports all)");
                violations = violations[..options.MaxPerGuardrail];
            }
            findings.AddRange(violations);
        }
        var report = new FindingReport(GuardrailFindings.Command, [.. set.Statements.Select(GuardrailRules.Rule)], findings);
        FindingRenderers.Write(options.Format, report, context.Stdout, options.WorkingDirectory);
        context.Stdout.Flush();
        return total > 0 ? Violated : ExitCodes.Ok;
    }
}
