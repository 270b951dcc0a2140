using Portolan.Tests.Support;

namespace Portolan.Tests.Check;

/// <summary>check's exit codes: 0 every guardrail holds, 1 a violation, 2 usage, 3 invalid manifests or guardrails.</summary>
public sealed class CheckExitCodeTests
{
    private static readonly string Root = Path.Combine(Paths.Golden, "check");

    [Fact]
    public void Holding_guardrails_exit_0_and_violated_ones_1()
    {
        Assert.Equal(0, Check("deny-holds/guardrails.yaml", "cluster").Exit);
        Assert.Equal(1, Check("deny-violated/guardrails.yaml", "cluster").Exit);
    }

    [Fact]
    public void A_violation_of_severity_info_still_exits_1()
    {
        using var dir = new TempDirectory();
        dir.Write("g.yaml", Guardrails("""
                - name: typo
                  severity: info
                  isolated:
                    namespaces: [no-such-namespace]
            """));

        var result = CliRunner.Run("check", "--guardrails", Path.Combine(dir.Path, "g.yaml"), Path.Combine(Root, "cluster"));

        Assert.Equal(1, result.Exit);
        Assert.Contains("info: guardrail typo: namespaces selects no namespace", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_guardrails_files_combine()
    {
        var result = Check("deny-holds/guardrails.yaml", "cluster", "--guardrails", "deny-violated/guardrails.yaml");

        Assert.Equal(1, result.Exit);
        Assert.Contains("[guardrail/legacy-off-pci]", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_limit_per_guardrail_reports_fewer_and_says_so_but_exits_1()
    {
        var result = Check("only-violated/guardrails.yaml", "cluster", "--max-per-guardrail", "1");

        Assert.Equal(1, result.Exit);
        Assert.Single(result.Stdout.Split('\n'), l => l.EndsWith("[guardrail/vault-clients]", StringComparison.Ordinal));
        Assert.Contains("note: guardrail vault-clients: 4 violations, the first 1 reported", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--max-per-guardrail", "-1")]
    [InlineData("-o", "md")]
    [InlineData("--bogus", "x")]
    public void Bad_options_are_usage_errors(string option, string value)
    {
        var result = Check("deny-holds/guardrails.yaml", "cluster", option, value);

        Assert.Equal(2, result.Exit);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void Without_guardrails_or_inputs_or_with_a_missing_file_it_is_a_usage_error()
    {
        Assert.Equal(2, CliRunner.RunIn(Root, "check", "cluster").Exit);
        Assert.Equal(2, CliRunner.RunIn(Root, "check", "--guardrails", "deny-holds/guardrails.yaml").Exit);
        var missing = CliRunner.RunIn(Root, "check", "--guardrails", "no-such.yaml", "cluster");
        Assert.Equal(2, missing.Exit);
        Assert.Contains("guardrails file not found", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_manifests_exit_3_with_nothing_on_stdout()
    {
        using var dir = new TempDirectory();
        dir.Write("bad.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: [\n");

        var result = CliRunner.Run("check", "--guardrails", Path.Combine(Root, "deny-holds", "guardrails.yaml"), Path.Combine(dir.Path, "bad.yaml"));

        Assert.Equal(3, result.Exit);
        Assert.Equal("", result.Stdout);
        Assert.Contains("bad.yaml:", result.Stderr, StringComparison.Ordinal);
    }

    private static CliRunner.Result Check(string guardrails, params string[] rest) =>
        CliRunner.RunIn(Root, ["check", "--guardrails", guardrails, .. rest]);

    public static string Guardrails(string statements) =>
        "apiVersion: portolan.dev/v1alpha1\nkind: Guardrails\nmetadata:\n  name: t\nspec:\n  guardrails:\n" + statements.ReplaceLineEndings("\n") + "\n";
}
