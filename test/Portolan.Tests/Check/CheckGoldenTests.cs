using Portolan.Tests.Support;

namespace Portolan.Tests.Check;

/// <summary>
/// check over the golden cluster (test/golden/check/cluster): each statement kind once violated and
/// once holding, each in its own scenario folder beside its guardrails.yaml; every output format for
/// the "all" scenario; and --help. Runs in test/golden/check so file names print relative.
/// </summary>
public sealed class CheckGoldenTests
{
    private static readonly string Root = Path.Combine(Paths.Golden, "check");

    public static TheoryData<string, int> Scenarios => new()
    {
        { "deny-violated", 1 }, { "deny-holds", 0 },
        { "require-violated", 1 }, { "require-holds", 0 },
        { "only-violated", 1 }, { "only-holds", 0 },
        { "isolated-violated", 1 }, { "isolated-holds", 0 },
        { "selects-nothing", 1 },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Text_output_matches_the_golden_file(string scenario, int exit)
    {
        var result = CliRunner.RunIn(Root, "check", "--guardrails", Path.Combine(scenario, "guardrails.yaml"), "cluster");

        Assert.Equal("", result.Stderr);
        Assert.Equal(exit, result.Exit);
        Golden.Verify(Path.Combine("check", scenario), "check.txt", result.Stdout);
    }

    [Theory]
    [InlineData("txt")]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("junit")]
    public void Every_format_matches_the_golden_file(string format)
    {
        var result = CliRunner.RunIn(Root, "check", "--guardrails", Path.Combine("all", "guardrails.yaml"), "cluster", "-o", format);

        Assert.Equal(1, result.Exit);
        Golden.Verify(Path.Combine("check", "all"), $"check.{format}", result.Stdout);
    }

    [Fact]
    public void Help_matches_the_golden_file()
    {
        var result = CliRunner.Run("check", "--help");

        Assert.Equal(0, result.Exit);
        Golden.Verify(Path.Combine("check", "help"), "check-help.txt", result.Stdout.Replace("testhost check", "portolan check", StringComparison.Ordinal));
        Assert.All(result.Stdout.Split('\n'), line => Assert.True(line.Length <= Portolan.Cli.PortolanCli.HelpWidth, line));
    }

    [Fact]
    public void The_example_guardrails_catch_the_example_shops_permit_any_any()
    {
        var result = CliRunner.RunIn(Paths.RepoRoot, "check", "--guardrails", Path.Combine("examples", "guardrails.yaml"), Path.Combine("examples", "shop"));

        Assert.Equal(1, result.Exit);
        var findings = result.Stdout.Split('\n').Where(l => l.Contains("[guardrail/", StringComparison.Ordinal)).ToList();
        var finding = Assert.Single(findings);
        Assert.Contains("=> data/redis[StatefulSet]: reachable on TCP 6379", finding, StringComparison.Ordinal);
        Assert.Contains("redis-temporary-fix rule 1", result.Stdout, StringComparison.Ordinal);
    }
}
