using System.CommandLine;
using Portolan.Nftables;

namespace Portolan.Cli.Commands;

/// <summary>portolan compile: the policy as an nftables ruleset for concrete pod addresses (issue 6, docs/compile.md).</summary>
public static class CompileCommand
{
    public sealed record Options(IReadOnlyList<string> Paths, string? PodIPs, string Format, bool Reject);

    public static Command Create(Func<CommandContext> context)
    {
        var inputs = new InputOptions();
        var target = new Option<string>("--target")
        {
            Description = "What to compile for: nftables, the only target",
            Required = true,
            HelpName = "nftables",
        };
        Choices.Restrict(target, "nftables");
        var podIPs = new Option<string>("--pod-ips")
        {
            Description = "A file of pod addresses, one 'namespace/pod: ip[,ip]' per line ('#' starts a comment); they replace "
                + "status.podIPs. A workload's name stands for its pods (several addresses: several replicas)",
            HelpName = "FILE",
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "nft: a file for 'nft -f'; json: the same ruleset in libnftables JSON, for 'nft -j -f'",
            DefaultValueFactory = _ => "nft",
            HelpName = "nft|json",
        };
        Choices.Restrict(output, "nft", "json");
        var reject = new Option<bool>("--reject")
        {
            Description = "Reject denied packets (TCP reset, ICMP port unreachable) instead of dropping them, so probes fail fast",
        };
        var command = new Command("compile",
            "Compile the policy into one nftables table (table inet portolan) that enforces it for the pods' addresses: admin tier, "
            + "NetworkPolicy, baseline tier, then allow, for IPv4 and IPv6, TCP, UDP and SCTP, with replies of allowed connections "
            + "let through. Apply it with 'nft -f' in the network namespace that forwards between the pods (a bridge with "
            + "bridge-nf-call-iptables=1 and bridge-nf-call-ip6tables=1); it replaces an earlier version atomically. ipBlocks "
            + "match pod addresses too, as in the analysis with --ipblock-scope all. Pods without an address (workload templates) "
            + "are not enforced; a note names them. See docs/compile.md.\n\n"
            + "Examples:\n"
            + "  portolan compile --target nftables examples/shop --pod-ips shop.ips > shop.nft\n"
            + "  portolan compile --target nftables -f manifests/ -o json --reject | nft -j -f -");
        inputs.AddPathsTo(command);
        command.Options.Add(target);
        command.Options.Add(podIPs);
        command.Options.Add(output);
        command.Options.Add(reject);
        command.SetAction(parse => Run(context(), new Options(inputs.AllPaths(parse), parse.GetValue(podIPs), parse.GetValue(output)!, parse.GetValue(reject))));
        return command;
    }

    public static int Run(CommandContext context, Options options)
    {
        PodAddresses addresses = PodAddresses.None;
        if (options.PodIPs is { } file)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                context.Error($"--pod-ips: {file}: no such file");
                return ExitCodes.Usage;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error($"--pod-ips: {file}: {e.Message}");
                return ExitCodes.InvalidInput;
            }
            try
            {
                addresses = PodAddressesFile.Parse(text, file);
            }
            catch (NftablesInputException e)
            {
                context.Error(e.Message);
                return ExitCodes.InvalidInput;
            }
        }
        var (cluster, exit) = context.Load(options.Paths);
        if (cluster is null) return exit;
        CompiledRuleset ruleset;
        try
        {
            ruleset = NftablesCompiler.Compile(cluster, addresses, new CompileOptions(RejectInsteadOfDrop: options.Reject));
        }
        catch (NftablesInputException e)
        {
            context.Error(e.Message);
            return ExitCodes.InvalidInput;
        }
        foreach (var note in ruleset.Notes) context.Note(note);
        context.Stdout.Write(options.Format == "json" ? NftablesCompiler.ToJson(ruleset) : ruleset.Text);
        context.Stdout.Flush();
        return ExitCodes.Ok;
    }
}
