using Portolan.Tests.Support;

namespace Portolan.Tests.Diff;

/// <summary>
/// Every output format of diff, snapshotted per scenario under test/golden/diff/&lt;scenario&gt;/, and
/// its --help. "mixed" keeps its inputs beside its outputs (before/, after/); the others read the
/// corpus in place.
/// </summary>
public sealed class DiffGoldenTests
{
    public static TheoryData<string, string> Scenarios()
    {
        var data = new TheoryData<string, string>();
        foreach (var scenario in Scenario.All.Keys)
        {
            foreach (var format in (string[])["txt", "json", "md", "csv", "sarif"]) data.Add(scenario, format);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Output_matches_the_golden_file(string scenario, string format)
    {
        var run = Scenario.All[scenario];

        var result = CliRunner.RunIn(run.Directory, ["diff", .. run.Args, "-o", format]);

        Assert.Equal(run.Differs ? 1 : 0, result.Exit);
        Golden.Verify(Path.Combine("diff", scenario), $"diff.{format}", result.Stdout);
    }

    [Fact]
    public void Help_matches_the_golden_file()
    {
        var result = CliRunner.Run("diff", "--help");

        Assert.Equal(0, result.Exit);
        // The root command is named after the host process: testhost here, portolan when installed.
        Golden.Verify(Path.Combine("diff", "help"), "diff-help.txt", result.Stdout.Replace("testhost diff", "portolan diff", StringComparison.Ordinal));
    }

    private sealed record Scenario(string Directory, string[] Args, bool Differs)
    {
        public static IReadOnlyDictionary<string, Scenario> All { get; } = new Dictionary<string, Scenario>(StringComparer.Ordinal)
        {
            ["mixed"] = new(Path.Combine(Paths.Golden, "diff", "mixed"), ["before", "after"], true),
            ["onlineboutique"] = new(Paths.Conformance,
                ["tests/onlineboutique_workloads", "tests/onlineboutique_workloads_changed_netpols_and_workloads", "--ipblock-scope", "external"], true),
            ["ipblocks"] = new(Paths.Conformance, ["tests/ipblockstest", "tests/ipblockstest_2", "--ipblock-scope", "external"], true),
            ["unchanged"] = new(Paths.Conformance,
                ["tests/with_end_port_example", "tests/with_end_port_example_new", "--ipblock-scope", "external"], false),
        };
    }
}
