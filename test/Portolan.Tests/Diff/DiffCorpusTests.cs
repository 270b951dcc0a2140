using Portolan.Tests.Conformance;
using Portolan.Tests.Support;

namespace Portolan.Tests.Diff;

/// <summary>
/// Every diff case of the np-guard corpus: `diff OLD NEW -o txt --ipblock-scope external` prints
/// exactly the expected file (line endings aside), and exits 1 exactly when it prints a difference.
/// </summary>
public sealed class DiffCorpusTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void Diff_matches_np_guard_expected_output(string name)
    {
        var c = CorpusCase.Named("diff", name);
        var result = CliRunner.RunIn(Paths.Conformance, ["diff", .. c.Inputs, "-o", "txt", "--ipblock-scope", "external"]);

        var expected = File.ReadAllText(Path.Combine(Paths.Conformance, c.Expected)).ReplaceLineEndings("\n");
        Assert.Equal(expected, result.Stdout);
        Assert.Equal(expected.Length == 0 ? 0 : 1, result.Exit);
        Assert.DoesNotContain("error", result.Stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string> Cases => CorpusCase.Names("diff");

    [Fact]
    public void The_corpus_has_eighteen_diff_cases() => Assert.Equal(18, Cases.Count);
}
