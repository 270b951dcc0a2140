using System.CommandLine;
using Portolan.Core.Analysis;
using Portolan.Core.Sets;
using Portolan.Output;

namespace Portolan.Cli.Commands;

/// <summary>portolan eval: one connection, allowed or denied, and what decided on each side.</summary>
public static class EvalCommand
{
    public static Command Create(Func<CommandContext> context)
    {
        var inputs = new InputOptions();
        var source = new Option<string>("--source", "-s") { Description = "Source: NS/NAME (a workload or a pod) or an IP address", Required = true, HelpName = "NS/NAME|IP" };
        var destination = new Option<string>("--destination", "-d") { Description = "Destination: NS/NAME (a workload or a pod) or an IP address", Required = true, HelpName = "NS/NAME|IP" };
        var port = new Option<string>("--port", "-p") { Description = "Destination port: a number, or a container port name of the destination", Required = true, HelpName = "N|NAME" };
        var protocol = new Option<string?>("--protocol") { Description = "TCP, UDP or SCTP (default: TCP, or the named port's protocol)", HelpName = "TCP|UDP|SCTP" };
        Choices.Restrict(protocol, "TCP", "UDP", "SCTP");
        var output = new Option<string>("--output", "-o") { Description = "Output format", DefaultValueFactory = _ => "txt", HelpName = "txt|json" };
        Choices.Restrict(output, "txt", "json");
        var command = new Command("eval", "Decide one connection and explain it: for the source's egress and the destination's ingress, the tier, policy and rule that decided. Exit 0 when allowed, 1 when denied.");
        inputs.AddTo(command);
        command.Options.Add(source);
        command.Options.Add(destination);
        command.Options.Add(port);
        command.Options.Add(protocol);
        command.Options.Add(output);
        command.SetAction(parse => Run(context(), inputs.AllPaths(parse), inputs.ScopeOf(parse), parse.GetValue(source)!,
            parse.GetValue(destination)!, parse.GetValue(port)!, parse.GetValue(protocol), parse.GetValue(output)!));
        return command;
    }

    public static int Run(CommandContext context, IReadOnlyList<string> paths, IPBlockScope scope, string sourceText,
        string destinationText, string portText, string? protocolText, string format)
    {
        var (cluster, exit) = context.Load(paths);
        if (cluster is null) return exit;
        var analyzer = new ConnectivityAnalyzer(cluster, scope);
        var query = new EvalQuery(cluster, analyzer, scope);
        var source = query.Resolve(sourceText, out var problem);
        if (problem is not null) (source is null ? (Action<string>)context.Error : context.Note)(problem);
        var destination = query.Resolve(destinationText, out problem);
        if (problem is not null) (destination is null ? (Action<string>)context.Error : context.Note)(problem);
        if (source is null || destination is null) return ExitCodes.Usage;
        Protocol? protocol = protocolText is null ? null : Enum.Parse<Protocol>(protocolText);
        var resolved = EvalQuery.ResolvePort(portText, protocol, destination.Value.Endpoint, out problem);
        if (resolved is null)
        {
            context.Error(problem!);
            return ExitCodes.Usage;
        }
        var portName = int.TryParse(portText, System.Globalization.CultureInfo.InvariantCulture, out _) ? null : portText;
        var result = query.Evaluate(source.Value, destination.Value, resolved.Value.Protocol, resolved.Value.Port, portName);
        if (format == "json")
        {
            using var stream = new Utf8TextWriterStream(context.Stdout);
            EvalJsonRenderer.Render(result, stream);
        }
        else
        {
            EvalTextRenderer.Render(result, context.Stdout);
        }
        return result.Allowed ? ExitCodes.Ok : ExitCodes.Denied;
    }
}
