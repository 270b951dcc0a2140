using Portolan.Tests.Support;

namespace Portolan.Tests.Cli;

/// <summary>
/// `eval` on the shop example, txt and json, one golden directory per question: allowed, denied,
/// a named port, and external sources inside and outside the storefront's ipBlock.
/// </summary>
public sealed class EvalGoldenTests
{
    public static TheoryData<string, int, string[]> Questions => new()
    {
        { "eval-allowed", 0, ["-s", "shop/api", "-d", "data/postgres", "-p", "5432"] },
        { "eval-denied", 1, ["-s", "shop/frontend", "-d", "data/postgres", "-p", "5432"] },
        { "eval-named-port", 0, ["--source", "shop/report", "--destination", "data/postgres", "--port", "postgres"] },
        { "eval-external-source", 0, ["--source", "203.0.113.7", "--destination", "shop/frontend", "--port", "http"] },
        { "eval-external-source-denied", 1, ["--source", "10.1.2.3", "--destination", "shop/frontend", "--port", "8080"] },
        { "eval-external-destination", 1, ["--source", "shop/frontend", "--destination", "203.0.113.7", "--port", "443"] },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public void Eval_txt_matches_its_golden(string scenario, int exit, string[] question) => Check(scenario, exit, question, "txt");

    [Theory]
    [MemberData(nameof(Questions))]
    public void Eval_json_matches_its_golden(string scenario, int exit, string[] question) => Check(scenario, exit, question, "json");

    private static void Check(string scenario, int exit, string[] question, string format)
    {
        var result = CliRunner.RunIn(Paths.RepoRoot, ["eval", "examples/shop", .. question, "-o", format]);
        Assert.Equal("", result.Stderr);
        Assert.DoesNotContain(Paths.RepoRoot, result.Stdout, StringComparison.Ordinal);
        Golden.Verify(scenario, $"stdout.{format}", result.Stdout);
        Assert.Equal(exit, result.Exit);
    }
}
