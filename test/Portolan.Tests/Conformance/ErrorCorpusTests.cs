using Portolan.Tests.Support;

namespace Portolan.Tests.Conformance;

/// <summary>
/// Every error case of the corpus: exit 3 (invalid input), nothing on stdout, and one message that
/// names the offending file with a line and the object's kind.
/// </summary>
public sealed class ErrorCorpusTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void Invalid_input_is_rejected_with_a_located_message(string name)
    {
        var c = CorpusCase.Named("error", name);
        var result = CliRunner.RunIn(Paths.Conformance, ["list", .. c.Inputs]);

        Assert.Equal(3, result.Exit);
        Assert.Equal("", result.Stdout);
        var error = result.Stderr.Split('\n').Single(l => l.StartsWith("portolan: error: ", StringComparison.Ordinal));
        Assert.Matches(@"^portolan: error: tests/[^:]+\.ya?ml:\d+: ", error);
        Assert.Matches(@"(NetworkPolicy|AdminNetworkPolicy|BaselineAdminNetworkPolicy|Namespace) \S+", error);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string> Cases => CorpusCase.Names("error");
}
