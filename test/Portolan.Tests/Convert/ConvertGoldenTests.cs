using Portolan.Tests.Support;

namespace Portolan.Tests.Convert;

/// <summary>
/// One directory per scenario under test/golden/convert: input.yaml, the converted stream
/// (converted.yaml) and what convert said on stderr (stderr.txt), reviewed by hand. Each converted
/// stream must also list exactly like its input, and convert to itself.
/// </summary>
public sealed class ConvertGoldenTests
{
    [Theory]
    [InlineData("anp-every-construct")]
    [InlineData("banp-with-baseline-policies")]
    [InlineData("lists")]
    public void Converted_stream_matches_the_golden_file(string scenario)
    {
        var directory = Path.Combine(Paths.Golden, "convert", scenario);
        var result = CliRunner.RunIn(directory, "convert", "--to", "v1alpha2", "input.yaml");

        Assert.Equal(0, result.Exit);
        Golden.Verify(Path.Combine("convert", scenario), "converted.yaml", result.Stdout);
        Golden.Verify(Path.Combine("convert", scenario), "stderr.txt", result.Stderr);
    }

    [Theory]
    [InlineData("anp-every-construct")]
    [InlineData("banp-with-baseline-policies")]
    [InlineData("lists")]
    public void Converted_stream_lists_like_its_input_and_converts_to_itself(string scenario)
    {
        var input = Path.Combine(Paths.Golden, "convert", scenario, "input.yaml");
        var converted = CliRunner.Run("convert", "--to", "v1alpha2", input).Stdout;
        foreach (var scope in new[] { "all", "external" })
        {
            var original = CliRunner.Run("list", input, "--ipblock-scope", scope);
            var roundTrip = CliRunner.RunWithStdin(converted, "list", "-", "--ipblock-scope", scope);
            Assert.Equal(0, roundTrip.Exit);
            Assert.Equal(original.Stdout, roundTrip.Stdout);
        }
        Assert.Equal(converted, CliRunner.RunWithStdin(converted, "convert", "--to", "v1alpha2", "-").Stdout);
    }

    [Fact]
    public void Help_matches_the_golden_file()
    {
        var result = CliRunner.Run("convert", "--help");

        Assert.Equal(0, result.Exit);
        // System.CommandLine names the root after the process: testhost here, portolan when installed.
        var usage = result.Stdout.Replace("  testhost convert ", "  portolan convert ", StringComparison.Ordinal);
        Golden.Verify(Path.Combine("convert", "help"), "convert-help.txt", usage);
    }
}
