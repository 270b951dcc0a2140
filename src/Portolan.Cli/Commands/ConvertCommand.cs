using System.CommandLine;
using Portolan.Kubernetes;
using Portolan.Kubernetes.Conversion;

namespace Portolan.Cli.Commands;

/// <summary>portolan convert: ANP/BANP (v1alpha1) rewritten as ClusterNetworkPolicy (v1alpha2), everything else unchanged (issue 3).</summary>
public static class ConvertCommand
{
    public const string Target = "v1alpha2";

    public static Command Create(Func<CommandContext> context)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Manifest files or directories (read recursively: *.yaml, *.yml, *.json); - reads stdin",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var filenames = new Option<string[]>("--filename", "-f") { Description = "Same as PATH, as in kubectl; may be repeated", Arity = ArgumentArity.OneOrMore };
        var to = new Option<string>("--to")
        {
            Description = "The API version to write: v1alpha2 (ClusterNetworkPolicy), the only one",
            Required = true,
            HelpName = Target,
        };
        to.AcceptOnlyFromAmong(Target);
        var command = new Command("convert",
            "Rewrite every AdminNetworkPolicy and BaselineAdminNetworkPolicy (policy.networking.k8s.io/v1alpha1) as the "
            + "ClusterNetworkPolicy (v1alpha2) that means exactly the same, and print every document, in input order, as "
            + "multi-document YAML on stdout; other documents are copied unchanged. An ANP keeps its name and priority in "
            + "the Admin tier; the BANP becomes the Baseline policy with priority 0. What v1alpha2 cannot express exactly "
            + "(a named port beside networks or nodes peers in an egress rule, more than 25 rules, peers or ports) is "
            + "refused with exit 3 and the file, line, object and field. See docs/convert.md.");
        command.Arguments.Add(paths);
        command.Options.Add(filenames);
        command.Options.Add(to);
        command.SetAction(parse => Run(context(), [.. parse.GetValue(paths) ?? [], .. parse.GetValue(filenames) ?? []]));
        return command;
    }

    public static int Run(CommandContext context, IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            context.Error("no input: give manifest files or directories as PATH or -f (or - for stdin)");
            return ExitCodes.Usage;
        }
        try
        {
            var stdin = paths.Contains(ManifestSource.Stdin) ? context.Stdin.ReadToEnd() : "";
            // The same validation as every other command first, so invalid input fails as it does for list;
            // its notes (skipped kinds, analysis warnings) do not concern a conversion.
            new ManifestLoader(new StringReader(stdin), _ => { }).Load(paths);
            var inputs = ManifestSource.Expand(paths).Select(f => f == ManifestSource.Stdin ? new ManifestText("<stdin>", stdin) : new ManifestText(f, Read(f)));
            var output = new ManifestConverter(context.Note).Convert(inputs);
            context.Stdout.Write(output);
            return ExitCodes.Ok;
        }
        catch (FileNotFoundException e)
        {
            context.Error(e.Message);
            return ExitCodes.Usage;
        }
        catch (ManifestException e)
        {
            context.Error(e.Message);
            return ExitCodes.InvalidInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error(e.Message);
            return ExitCodes.InvalidInput;
        }
    }

    private static string Read(string file)
    {
        using var reader = new StreamReader(file, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
