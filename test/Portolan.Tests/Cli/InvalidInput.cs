using Portolan.Tests.Support;

namespace Portolan.Tests.Cli;

/// <summary>
/// The contract for bad input (issue 2): exit 3, nothing on stdout, exactly one line
/// "portolan: error: FILE:LINE: OBJECT: problem", and no exception or stack trace text. The expected
/// line is the one marked <see cref="Marker"/> in the manifest, so a test shows where the error is
/// instead of counting lines.
/// </summary>
public static class InvalidInput
{
    public const string Marker = "# <-";

    /// <summary>Runs <c>list</c> on <paramref name="manifest"/> written to <paramref name="file"/> and checks the rejection.</summary>
    public static string Rejects(string manifest, string? objectName, string problem, string file = "input.yaml")
    {
        using var dir = new TempDirectory();
        dir.Write(file, manifest);
        var result = CliRunner.RunIn(dir.Path, "list", file);
        return AssertRejected(result, $"{file}:{MarkedLine(manifest)}", objectName, problem);
    }

    /// <summary>The 1-based line that carries the marker comment.</summary>
    public static int MarkedLine(string manifest)
    {
        var lines = manifest.ReplaceLineEndings("\n").Split('\n');
        var marked = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(Marker, StringComparison.Ordinal)).ToList();
        Assert.True(marked.Count == 1, $"the manifest must mark exactly one line with '{Marker}'");
        return marked[0] + 1;
    }

    /// <summary>Checks a run against the contract; objectName null means a syntax error, where no object is known.</summary>
    public static string AssertRejected(CliRunner.Result result, string location, string? objectName, string problem)
    {
        Assert.Equal("", result.Stdout);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(objectName is null ? $"portolan: error: {location}: " : $"portolan: error: {location}: {objectName}: ", line, StringComparison.Ordinal);
        Assert.Contains(problem, line, StringComparison.Ordinal);
        Assert.Equal(3, result.Exit);
        return line;
    }
}
