using Portolan.Cli;
using Portolan.Cli.Commands;
using Portolan.Nftables.Lab;
using Portolan.Tests.Support;

namespace Portolan.Tests.Kernel;

/// <summary>lab refuses, with exit 4 and a message that says why, where it cannot build namespaces. Runs everywhere.</summary>
public sealed class LabEnvironmentTests
{
    [Fact]
    public void Not_root_exits_4_with_a_clear_message_and_nothing_on_stdout()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CommandContext(TextReader.Null, stdout, stderr);
        var exit = LabCommand.Run(context, new LabCommand.Options([Path.Combine(Paths.Examples, "shop")], [], new LabOptions()), isRoot: () => false);
        Assert.Equal(ExitCodes.Environment, exit);
        Assert.Equal("", stdout.ToString());
        Assert.StartsWith("portolan: error: lab needs root", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_tools_are_named()
    {
        Assert.Null(LabCommand.EnvironmentProblem(true, _ => true));
        Assert.Contains("nft", LabCommand.EnvironmentProblem(true, tool => tool != Tools.Nft), StringComparison.Ordinal);
        Assert.Contains("iproute2", LabCommand.EnvironmentProblem(true, tool => tool != Tools.Ip), StringComparison.Ordinal);
        Assert.Contains("root", LabCommand.EnvironmentProblem(false, _ => true), StringComparison.Ordinal);
    }
}
