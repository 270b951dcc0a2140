using Portolan.Tests.Support;

namespace Portolan.Tests.Fuzz;

/// <summary>Minimised inputs from fuzzing (docs/fuzzing.md, "Findings"): each once crashed or stalled `list`.</summary>
public sealed class FuzzRegressionTests
{
    // Finding 1: YamlDotNet threw a bare InvalidOperationException (exit 70) for an unclosed flow sequence
    // followed by a less indented line (aaubry/YamlDotNet#541).
    [Theory]
    [InlineData("a: [x\nb: c\n", 2)]
    [InlineData("kind: [unclosed\nmetadata:\n  name: x\n", 2)]
    [InlineData("spec:\n  ports: {port: 80\n  x: y\n", 3)]
    public void An_unclosed_flow_collection_is_invalid_input(string yaml, int line)
    {
        var result = RunList(yaml, out var file);

        Assert.Equal(3, result.Exit);
        Assert.Null(Verdict.Problem(result.Exit, result.Stdout, result.Stderr, file));
        Assert.Contains($"{file}:{line}: invalid YAML: a flow collection", result.Stderr, StringComparison.Ordinal);
    }

    // Finding 2: YamlDotNet's scanner threw ArgumentOutOfRangeException (exit 70) from char.ConvertToUtf32 for a
    // \u escape naming half a surrogate pair followed by an escape that is not the other half.
    [Theory]
    [InlineData("a: \"\\uDFFF\\uD800\"\n")]
    [InlineData("a: \"\\uD800\\u0041\"\n")]
    [InlineData("kind: Pod\nmetadata:\n  name: \"x\\uDBFF\\uDBFF\"\n")]
    public void A_broken_surrogate_pair_escape_is_invalid_input(string yaml)
    {
        var result = RunList(yaml, out var file);

        Assert.Equal(3, result.Exit);
        Assert.Null(Verdict.Problem(result.Exit, result.Stdout, result.Stderr, file));
        Assert.Contains("invalid YAML: a \\u escape is half of a UTF-16 surrogate pair", result.Stderr, StringComparison.Ordinal);
    }

    private static CliRunner.Result RunList(string yaml, out string file)
    {
        file = Path.Combine(Path.GetTempPath(), $"portolan-fuzz-regression-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, yaml);
        try
        {
            return CliRunner.Run("list", file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
