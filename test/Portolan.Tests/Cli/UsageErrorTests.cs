using Portolan.Tests.Support;

namespace Portolan.Tests.Cli;

/// <summary>A command line that cannot be run: exit 2, nothing on stdout, an error and where to find usage.</summary>
public sealed class UsageErrorTests
{
    private static void AssertUsageError(CliRunner.Result result, string error, string? usageHint)
    {
        Assert.Equal("", result.Stdout);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains($"portolan: error: {error}", lines);
        Assert.All(usageHint is null ? lines : lines[..^1], line => Assert.StartsWith("portolan: error: ", line, StringComparison.Ordinal));
        if (usageHint is not null) Assert.Equal($"Run '{usageHint} --help' for usage.", lines[^1]);
        Assert.Equal(2, result.Exit);
    }

    [Fact]
    public void An_unknown_option_is_named_as_an_option_not_as_a_missing_file() =>
        AssertUsageError(CliRunner.RunIn(Paths.RepoRoot, "list", "examples/shop", "--bogus"), "unknown option '--bogus'", "portolan list");

    [Fact]
    public void An_unknown_short_option_is_named_too() =>
        AssertUsageError(CliRunner.RunIn(Paths.RepoRoot, "eval", "-x", "examples/shop", "-s", "shop/api", "-d", "data/postgres", "-p", "5432"),
            "unknown option '-x'", "portolan eval");

    [Fact]
    public void An_unknown_option_given_to_filename_is_named_too() =>
        AssertUsageError(CliRunner.RunIn(Paths.RepoRoot, "list", "-f", "examples/shop", "--namespaces"), "unknown option '--namespaces'", "portolan list");

    [Fact]
    public void An_unknown_option_of_the_root_command_is_reported() =>
        AssertUsageError(CliRunner.Run("--bogus"), "Unrecognized command or argument '--bogus'.", "portolan");

    [Fact]
    public void An_unknown_command_is_reported() =>
        AssertUsageError(CliRunner.Run("lst", "examples/shop"), "Unrecognized command or argument 'lst'.", "portolan");

    [Fact]
    public void No_command_is_reported() =>
        AssertUsageError(CliRunner.Run(), "Required command was not provided.", "portolan");

    [Theory]
    [InlineData("xml")]
    [InlineData("JSON")]
    [InlineData("yaml")]
    public void A_bad_list_output_format_lists_the_choices_on_one_line(string format) =>
        AssertUsageError(CliRunner.RunIn(Paths.RepoRoot, "list", "examples/shop", "-o", format),
            $"--output: '{format}' is not one of txt, json, csv, md, dot, html, stats", "portolan list");

    [Fact]
    public void Eval_has_only_txt_and_json() =>
        AssertUsageError(CliRunner.RunIn(Paths.RepoRoot, "eval", "examples/shop", "-s", "shop/api", "-d", "data/postgres", "-p", "5432", "-o", "csv"),
            "--output: 'csv' is not one of txt, json", "portolan eval");

    [Fact]
    public void A_missing_output_value_is_reported() =>
        AssertUsageError(CliRunner.RunIn(Paths.RepoRoot, "list", "examples/shop", "-o"), "Required argument missing for option: '-o'.", "portolan list");

    [Fact]
    public void A_bad_ipblock_scope_lists_the_choices() =>
        AssertUsageError(CliRunner.RunIn(Paths.RepoRoot, "list", "examples/shop", "--ipblock-scope", "pods"),
            "--ipblock-scope: 'pods' is not one of all, external", "portolan list");

    [Fact]
    public void A_bad_protocol_lists_the_choices() =>
        AssertUsageError(CliRunner.RunIn(Paths.RepoRoot, "eval", "examples/shop", "-s", "shop/api", "-d", "data/postgres", "-p", "5432", "--protocol", "ICMP"),
            "--protocol: 'ICMP' is not one of TCP, UDP, SCTP", "portolan eval");

    [Theory]
    [InlineData("--source", "-d", "data/postgres", "-p", "5432")]
    [InlineData("--destination", "-s", "shop/api", "-p", "5432")]
    [InlineData("--port", "-s", "shop/api", "-d", "data/postgres")]
    public void Eval_without_a_required_option_names_it(string missing, params string[] rest) =>
        AssertUsageError(CliRunner.RunIn(Paths.RepoRoot, ["eval", "examples/shop", .. rest]), $"Option '{missing}' is required.", "portolan eval");

    [Theory]
    [InlineData("list")]
    [InlineData("eval", "-s", "shop/api", "-d", "data/postgres", "-p", "5432")]
    public void No_PATH_says_how_to_give_input(params string[] args) =>
        AssertUsageError(CliRunner.Run(args), "no input: give manifest files or directories as PATH or -f (or - for stdin), or read a cluster with --kubeconfig FILE (or $KUBECONFIG)", null);

    [Fact]
    public void Eval_with_an_unknown_workload_names_it() =>
        AssertUsageError(CliRunner.RunIn(Paths.RepoRoot, "eval", "examples/shop", "-s", "shop/checkout", "-d", "data/postgres", "-p", "5432"),
            "no workload or pod named shop/checkout", null);

    [Fact]
    public void Eval_with_a_port_name_the_destination_lacks_names_both() =>
        AssertUsageError(CliRunner.RunIn(Paths.RepoRoot, "eval", "examples/shop", "-s", "shop/api", "-d", "data/postgres", "-p", "mysql"),
            "the destination data/postgres has no container port named \"mysql\"", null);

    [Fact]
    public void Eval_with_a_port_out_of_range_says_so() =>
        AssertUsageError(CliRunner.RunIn(Paths.RepoRoot, "eval", "examples/shop", "-s", "shop/api", "-d", "data/postgres", "-p", "70000"),
            "port 70000 is out of range 1-65535", null);

    [Fact]
    public void Eval_with_a_named_port_toward_an_external_address_says_why_not() =>
        AssertUsageError(CliRunner.RunIn(Paths.RepoRoot, "eval", "examples/shop", "-s", "shop/api", "-d", "203.0.113.7", "-p", "https"),
            "named port \"https\" needs a pod destination; external addresses have no named ports", null);
}
