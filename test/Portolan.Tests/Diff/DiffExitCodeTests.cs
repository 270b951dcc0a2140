using Portolan.Cli;
using Portolan.Cli.Git;
using Portolan.Tests.Support;

namespace Portolan.Tests.Diff;

/// <summary>diff's exit codes: 1 on a difference of the kind named by --fail-on, 2 usage, 3 invalid input, 4 no git.</summary>
public sealed class DiffExitCodeTests
{
    [Theory]
    // Only removed connections.
    [InlineData("banp_test_core_gress_rules", "banp_test_core_gress_swapping_rules", "added", 0)]
    [InlineData("banp_test_core_gress_rules", "banp_test_core_gress_swapping_rules", "removed", 1)]
    [InlineData("banp_test_core_gress_rules", "banp_test_core_gress_swapping_rules", "changed", 0)]
    [InlineData("banp_test_core_gress_rules", "banp_test_core_gress_swapping_rules", "any", 1)]
    // Only changed connections.
    [InlineData("multiple_topology_resources_1", "multiple_topology_resources_2", "changed", 1)]
    [InlineData("multiple_topology_resources_1", "multiple_topology_resources_2", "added", 0)]
    [InlineData("multiple_topology_resources_1", "multiple_topology_resources_2", "removed", 0)]
    // Only added connections.
    [InlineData("anp_test_4", "anp_test_4_with_priority_chang_pass_to_banp", "added", 1)]
    [InlineData("anp_test_4", "anp_test_4_with_priority_chang_pass_to_banp", "removed", 0)]
    // No difference at all.
    [InlineData("with_end_port_example", "with_end_port_example_new", "any", 0)]
    public void Fail_on_names_the_kinds_of_difference_that_exit_1(string old, string @new, string failOn, int exit)
    {
        var result = CliRunner.RunIn(Paths.Conformance, "diff", $"tests/{old}", $"tests/{@new}", "--ipblock-scope", "external", "--fail-on", failOn);

        Assert.Equal(exit, result.Exit);
        Assert.DoesNotContain("portolan: error", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_fail_on_is_any()
    {
        var result = CliRunner.RunIn(Paths.Conformance, "diff", "tests/anp_test_7", "tests/anp_test_7_swapping_rules");

        Assert.Equal(1, result.Exit);
    }

    [Theory]
    [InlineData(new[] { "diff", "tests/anp_test_7" }, "diff compares two inputs")]
    [InlineData(new[] { "diff", "tests/anp_test_7", "tests/anp_test_9", "tests/anp_test_4" }, "diff compares two inputs")]
    [InlineData(new[] { "diff", "--head", "HEAD", "tests/anp_test_7", "tests/anp_test_9" }, "--head needs --base")]
    [InlineData(new[] { "diff", "tests/anp_test_7", "tests/anp_test_9", "-o", "dot" }, "dot")]
    [InlineData(new[] { "diff", "tests/anp_test_7", "tests/anp_test_9", "--fail-on", "never" }, "never")]
    [InlineData(new[] { "diff", "tests/anp_test_7", "tests/no-such-directory" }, "no-such-directory: no such file or directory")]
    public void Usage_errors_exit_2_with_a_message(string[] args, string message)
    {
        var result = CliRunner.RunIn(Paths.Conformance, args);

        Assert.Equal(2, result.Exit);
        Assert.Equal("", result.Stdout);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_input_on_either_side_exits_3_and_prints_no_result()
    {
        var error = Conformance.CorpusCase.All.First(c => c.Kind == "error").Inputs[0];

        var result = CliRunner.RunIn(Paths.Conformance, "diff", "tests/anp_test_7", error);

        Assert.Equal(3, result.Exit);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("portolan: error: tests/", result.Stderr.Split('\n').Single(l => l.StartsWith("portolan: error", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_git_is_an_environment_error()
    {
        var e = Assert.Throws<GitException>(() => GitProcess.Run(Paths.RepoRoot, ["--version"], executable: "/nonexistent/portolan-test/git"));

        Assert.Equal(ExitCodes.Environment, e.ExitCode);
        Assert.Equal(4, e.ExitCode);
        Assert.Contains("git is needed for --base/--head", e.Message, StringComparison.Ordinal);
    }
}
