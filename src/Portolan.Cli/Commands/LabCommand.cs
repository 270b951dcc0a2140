using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Portolan.Core.Model;
using Portolan.Core.Sets;
using Portolan.Nftables.Lab;
using Portolan.Output;

namespace Portolan.Cli.Commands;

/// <summary>portolan lab: the compiled ruleset on a real kernel, every pair probed, compared with the analysis (issue 6, docs/lab.md).</summary>
public static class LabCommand
{
    public sealed record Options(IReadOnlyList<string> Paths, IReadOnlyList<string> Then, LabOptions Lab);

    /// <summary>128 + SIGINT, as shells report an interrupted command; the lab is cleaned up first.</summary>
    public const int Interrupted = 130;

    public static Command Create(Func<CommandContext> context)
    {
        var inputs = new InputOptions();
        var then = new Option<string[]>("--then")
        {
            Description = "A second set of manifests: compiled and applied to the running lab as one nft transaction, probed again, "
                + "and what it opened and closed checked against diff",
            HelpName = "PATH",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        var replicas = new Option<int>("--replicas") { Description = "Pods per workload template (a Pod object is one pod)", DefaultValueFactory = _ => 2, HelpName = "N" };
        replicas.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 10) r.AddError("--replicas must be between 1 and 10");
        });
        var ranges = new Option<string[]>("--range")
        {
            Description = "Private ranges for lab addresses (repeatable): pods without a usable IP get one from the first, external hosts "
                + "may sit in any; default 10.213.0.0/16 and fd00:213::/64",
            HelpName = "CIDR",
        };
        var timeout = new Option<int>("--timeout") { Description = "Probe timeout in milliseconds (a probe that times out is tried once more)", DefaultValueFactory = _ => 200, HelpName = "MS" };
        timeout.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 10 or > 10_000) r.AddError("--timeout must be between 10 and 10000 ms");
        });
        var sample = new Option<int>("--sample-ports")
        {
            Description = "Ports per protocol probed on every destination beyond its declared ones: edges of the numeric ports policies name, and 65432",
            DefaultValueFactory = _ => 4,
            HelpName = "N",
        };
        sample.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 64) r.AddError("--sample-ports must be between 0 and 64");
        });
        var command = new Command("lab",
            "Build the manifests as network namespaces on this machine (root only): one per pod (workload templates become --replicas "
            + "pods), routed through a router namespace that holds the compiled ruleset (compile --target nftables, rejecting "
            + "instead of dropping), listeners on every declared port, external hosts where a lab or documentation address "
            + "(192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) lies in an external range of the analysis. Then probe every ordered "
            + "pair on every declared port and a sample of others (TCP connect, UDP request and reply, SCTP where the kernel has it) "
            + "and compare with the analysis (--ipblock-scope all). Prints each disagreement with the analysis' explanation and a "
            + "summary; exit 0 when all agree, 1 otherwise, 4 when not root or ip/nft are missing. Nothing is added to this "
            + "machine's own namespace; every lab namespace is deleted at the end, also on Ctrl-C and SIGTERM. See docs/lab.md.\n\n"
            + "Examples:\n"
            + "  sudo portolan lab examples/shop\n"
            + "  sudo portolan lab old/ --then new/    # what new/ opens and closes, vs diff\n"
            + "  sudo portolan lab -f manifests/ --replicas 1 --range 10.99.0.0/16 --timeout 500");
        inputs.AddPathsTo(command);
        foreach (var option in new Option[] { then, replicas, ranges, timeout, sample }) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var ctx = context();
            var rangeTexts = parse.GetValue(ranges) ?? [];
            var parsed = new List<Cidr>();
            foreach (var text in rangeTexts)
            {
                if (!Cidr.TryParse(text, out var cidr))
                {
                    ctx.Error($"--range {text}: not a CIDR (like 10.213.0.0/16 or fd00:213::/64)");
                    return ExitCodes.Usage;
                }
                parsed.Add(cidr);
            }
            var lab = new LabOptions
            {
                Replicas = parse.GetValue(replicas),
                Ranges = parsed.Count == 0 ? LabOptions.DefaultRanges : parsed,
                ProbeTimeout = TimeSpan.FromMilliseconds(parse.GetValue(timeout)),
                SamplePorts = parse.GetValue(sample),
            };
            return Run(ctx, new Options(inputs.AllPaths(parse), parse.GetValue(then) ?? [], lab), () => Environment.IsPrivilegedProcess, handleSignals: true);
        });
        return command;
    }

    /// <summary>Why this environment cannot run a lab, or null when it can.</summary>
    public static string? EnvironmentProblem(bool isRoot, Func<string, bool> toolExists) =>
        !isRoot ? "lab needs root: it creates network namespaces and applies nftables rulesets in them (run it with sudo; nothing is changed in this machine's own namespace)"
        : !toolExists(Tools.Ip) ? "lab needs ip (iproute2) on PATH"
        : !toolExists(Tools.Nft) ? "lab needs nft on PATH (apt-get install -y nftables)"
        : null;

    public static int Run(CommandContext context, Options options, Func<bool> isRoot, bool handleSignals = false)
    {
        if (EnvironmentProblem(isRoot(), Tools.Exists) is { } problem)
        {
            context.Error(problem);
            return ExitCodes.Environment;
        }
        var (cluster, exit) = context.Load(options.Paths);
        if (cluster is null) return exit;
        Cluster? next = null;
        if (options.Then.Count > 0)
        {
            (next, exit) = context.Load(options.Then);
            if (next is null) return exit;
        }

        using var cancel = new CancellationTokenSource();
        var registrations = new List<PosixSignalRegistration>();
        if (handleSignals)
        {
            foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
            {
                registrations.Add(PosixSignalRegistration.Create(signal, c =>
                {
                    c.Cancel = true; // keep running until the finally below has deleted the namespaces
                    cancel.Cancel();
                }));
            }
        }
        var session = new LabSession(options.Lab, LabCompilers.Nftables);
        var rounds = new List<LabResult>();
        var teardown = TimeSpan.Zero;
        try
        {
            rounds.Add(session.Run(cluster, cancel.Token));
            if (next is not null) rounds.Add(session.Run(next, cancel.Token));
        }
        catch (OperationCanceledException)
        {
            context.Error("interrupted; the lab's namespaces are deleted");
            return Interrupted;
        }
        catch (LabException e)
        {
            context.Error(e.Message);
            return ExitCodes.Environment;
        }
        finally
        {
            teardown = session.Teardown();
            foreach (var registration in registrations) registration.Dispose();
        }

        foreach (var note in rounds.SelectMany(r => r.Notes).Distinct(StringComparer.Ordinal)) context.Note(note);
        for (int i = 0; i < rounds.Count; i++) LabTextRenderer.RenderDisagreements(rounds[i], i + 1, context.Stdout);
        LabChange? change = rounds.Count == 2 ? LabChangeCheck.Check(rounds[0], rounds[1]) : null;
        if (change is not null) LabTextRenderer.RenderChange(change, context.Stdout);
        if (rounds.Any(r => r.Disagreements.Length > 0) || change is { AgreesWithDiff: false }) context.Stdout.Write("\n");
        LabTextRenderer.RenderSummary(rounds, teardown, context.Stdout);
        var agree = rounds.All(r => r.AllAgree) && change is null or { AgreesWithDiff: true };
        context.Stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lab: {(agree ? "the kernel agrees with the analysis" : "the kernel and the analysis disagree")} ({rounds.Sum(r => r.Outcomes.Length)} probes)"));
        return agree ? ExitCodes.Ok : ExitCodes.Denied;
    }
}
