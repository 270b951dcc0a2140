using System.CommandLine;
using Portolan.Kubernetes.Generation;

namespace Portolan.Cli.Commands;

/// <summary>portolan generate: a deterministic synthetic cluster for benchmarks and property tests.</summary>
public static class GenerateCommand
{
    public static Command Create(Func<CommandContext> context)
    {
        Option<int> Positive(string name, string description, int defaultValue)
        {
            var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
            option.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<int>() < 1) r.AddError($"{name} must be at least 1");
            });
            return option;
        }
        var namespaces = Positive("--namespaces", "Number of namespaces (every 50th runs monitoring)", 10);
        var pods = Positive("--pods-per-namespace", "Pods per namespace (a Deployment counts as one template pod)", 10);
        var policies = Positive("--policies-per-namespace", "NetworkPolicies per application namespace", 10);
        var seed = new Option<int>("--seed") { Description = "Random seed: same options and seed, same bytes", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Directory to write the manifests into (created if missing)", Required = true, HelpName = "DIR" };
        var command = new Command("generate", "Write a deterministic, realistic synthetic cluster (namespaces, pods, Deployments, NetworkPolicies of mixed shapes, admin-tier policies) as manifests.");
        foreach (var option in new Option[] { namespaces, pods, policies, seed, output }) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var ctx = context();
            var options = new GeneratorOptions(parse.GetValue(namespaces), parse.GetValue(pods), parse.GetValue(policies), parse.GetValue(seed));
            var directory = parse.GetValue(output)!;
            try
            {
                var files = new ClusterGenerator(options).WriteTo(directory);
                ctx.Note($"wrote {files} files to {directory}");
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                ctx.Error($"cannot write to {directory}: {e.Message}");
                return ExitCodes.Environment;
            }
        });
        return command;
    }
}
