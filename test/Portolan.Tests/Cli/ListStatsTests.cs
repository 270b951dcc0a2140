using System.Text.RegularExpressions;
using Portolan.Tests.Support;

namespace Portolan.Tests.Cli;

/// <summary>list -o stats decides every pair and prints counts and phase figures; --stats adds them on stderr.</summary>
public sealed partial class ListStatsTests
{
    [GeneratedRegex(@"^(load|build|analyse|write|total) +\d+\.\d{3} s +\d+\.\d{3} s +\d+\.\d{3} s( +\d+ MiB)?$")]
    private static partial Regex PhaseLine();

    [Fact]
    public void Stats_counts_the_example_and_times_each_phase()
    {
        var result = CliRunner.Run("list", Paths.Examples, "-o", "stats");
        Assert.Equal(0, result.Exit);
        var lines = result.Stdout.Split('\n');
        // The counts of examples/shop: the pairs are the 14 workload-to-workload lines of `list`.
        Assert.Equal("""
            namespaces                           4
            pods                                 7
            workloads                            7
            classes                              7
            connection atoms                    19
            external ranges                      4
            policy profiles                     12
            policies                            10
            allowed workload pairs              14
            """.ReplaceLineEndings("\n"), string.Join('\n', lines.Take(9)));
        var workloadPairs = CliRunner.Run("list", Paths.Examples).Stdout.Split('\n').Count(l => l.Contains("=>", StringComparison.Ordinal) && !l.Contains("[External]", StringComparison.Ordinal));
        Assert.Equal(14, workloadPairs);
        Assert.Equal("phase             time         cpu   gc pauses    peak RSS", lines[10]);
        Assert.Equal(["load", "build", "analyse", "total"], lines.Skip(11).Where(l => l.Length > 0).Select(l => l.Split(' ')[0]));
        Assert.All(lines.Skip(11).Where(l => l.Length > 0), l => Assert.Matches(PhaseLine(), l));
    }

    [Fact]
    public void Stats_flag_keeps_stdout_for_the_pairs_and_adds_a_write_phase_on_stderr()
    {
        var plain = CliRunner.Run("list", Paths.Examples);
        var result = CliRunner.Run("list", Paths.Examples, "--stats");
        Assert.Equal(0, result.Exit);
        Assert.Equal(plain.Stdout, result.Stdout);
        Assert.Contains("pods                                 7\n", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("allowed workload pairs", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(["load", "build", "analyse", "write", "total"],
            result.Stderr.Split('\n').Where(l => PhaseLine().IsMatch(l)).Select(l => l.Split(' ')[0]));
    }
}
