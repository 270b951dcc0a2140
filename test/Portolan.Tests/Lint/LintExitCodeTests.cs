using Portolan.Tests.Support;

namespace Portolan.Tests.Lint;

/// <summary>lint's exit codes: 0 clean, 1 a finding at or above --fail-severity, 2 usage, 3 invalid input.</summary>
public sealed class LintExitCodeTests
{
    private static readonly string Formats = Path.Combine(Paths.Golden, "lint", "formats");

    // The formats scenario has an error, a warning and two infos; the egress-default-deny case only an info.
    private static readonly string InfoOnly = Path.Combine(Paths.Golden, "lint", "missing-default-deny-egress", "positive");

    [Theory]
    [InlineData("error", 1)]
    [InlineData("warning", 1)]
    [InlineData("info", 1)]
    [InlineData("none", 0)]
    public void Findings_fail_at_or_above_the_severity(string severity, int exit)
    {
        var result = CliRunner.RunIn(Formats, "lint", "manifests", "--fail-severity", severity);

        Assert.Equal(exit, result.Exit);
        Assert.Contains("4 findings", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("info", 1)]
    [InlineData("warning", 0)]
    [InlineData("error", 0)]
    public void An_info_finding_fails_only_at_info(string severity, int exit)
    {
        var result = CliRunner.Run("lint", InfoOnly, "--disable", "missing-default-deny-ingress,pod-not-selected,egress-blocks-dns", "--fail-severity", severity);

        Assert.Contains("1 finding (0 errors, 0 warnings, 1 info)", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(exit, result.Exit);
    }

    [Fact]
    public void The_default_threshold_is_warning()
    {
        var info = CliRunner.Run("lint", InfoOnly, "--disable", "missing-default-deny-ingress,pod-not-selected,egress-blocks-dns");
        var warning = CliRunner.Run("lint", InfoOnly);

        Assert.Equal(0, info.Exit);
        Assert.Equal(1, warning.Exit);
    }

    [Fact]
    public void No_finding_exits_0()
    {
        var result = CliRunner.Run("lint", Path.Combine(Paths.Golden, "lint", "missing-default-deny-ingress", "negative"), "--disable", "missing-default-deny-egress");

        Assert.Equal("no findings\n", result.Stdout);
        Assert.Equal(0, result.Exit);
    }

    [Theory]
    [InlineData("--disable", "no-such-rule")]
    [InlineData("--disable", "permit-any-any,no-such-rule")]
    [InlineData("--fail-severity", "fatal")]
    [InlineData("-o", "xml")]
    [InlineData("--bogus", "x")]
    public void Bad_flags_and_unknown_rule_ids_exit_2_with_nothing_on_stdout(string option, string value)
    {
        var result = CliRunner.RunIn(Formats, "lint", "manifests", option, value);

        Assert.Equal(2, result.Exit);
        Assert.Equal("", result.Stdout);
        Assert.NotEqual("", result.Stderr);
    }

    [Fact]
    public void An_unknown_rule_id_is_named_with_the_known_ones()
    {
        var result = CliRunner.RunIn(Formats, "lint", "manifests", "--disable", "permit-any-anny");

        Assert.Contains("\"permit-any-anny\"", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("permit-any-any", result.Stderr.Replace("\"permit-any-anny\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void No_input_is_a_usage_error()
    {
        Assert.Equal(2, CliRunner.Run("lint").Exit);
    }

    [Fact]
    public void Invalid_input_exits_3_naming_file_and_line_with_nothing_on_stdout()
    {
        const string manifest = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: bad\n  namespace: shop\nspec:\n  podSelector: {}\n  ingress:\n  - ports:\n    - {port: 0}\n";

        var result = CliRunner.RunWithStdin(manifest, "lint", "-");

        Assert.Equal(3, result.Exit);
        Assert.Equal("", result.Stdout);
        Assert.Contains("<stdin>:10", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("NetworkPolicy shop/bad", result.Stderr, StringComparison.Ordinal);
    }
}
