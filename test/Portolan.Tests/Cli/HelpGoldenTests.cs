using Portolan.Tests.Support;

namespace Portolan.Tests.Cli;

/// <summary>--help is what a user reads first: snapshotted for the root command and each subcommand (test/golden/help).</summary>
public sealed class HelpGoldenTests
{
    [Theory]
    [InlineData("root")]
    [InlineData("list")]
    [InlineData("eval")]
    [InlineData("serve")]
    [InlineData("compile")]
    [InlineData("lab")]
    public void Help_matches_its_golden(string command)
    {
        string[] args = command == "root" ? ["--help"] : [command, "--help"];
        var result = CliRunner.Run(args);
        Assert.Equal(0, result.Exit);
        Assert.Equal("", result.Stderr);
        Golden.Verify("help", $"{command}.txt", result.Stdout);
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("-?")]
    public void Short_help_flags_print_the_same(string flag)
    {
        Assert.Equal(CliRunner.Run("list", "--help").Stdout, CliRunner.Run("list", flag).Stdout);
    }

    [Theory]
    [InlineData("root")]
    [InlineData("list")]
    [InlineData("eval")]
    [InlineData("serve")]
    [InlineData("compile")]
    [InlineData("lab")]
    public void Help_lines_fit_the_width_and_have_no_trailing_spaces(string command)
    {
        string[] args = command == "root" ? ["--help"] : [command, "--help"];
        foreach (var line in CliRunner.Run(args).Stdout.Split('\n'))
        {
            Assert.True(line.Length <= Portolan.Cli.PortolanCli.HelpWidth, $"too wide: {line}");
            Assert.Equal(line.TrimEnd(), line);
        }
    }
}
