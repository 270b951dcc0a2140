using Portolan.Tests.Support;

namespace Portolan.Tests.Conformance;

/// <summary>
/// Every connlist case of the np-guard corpus: `list -o txt --ipblock-scope external` prints exactly
/// the expected lines; lines whose peer is an IPv6 range are compared out (np-guard skips IPv6).
/// </summary>
public sealed class ConnlistCorpusTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void List_matches_np_guard_expected_output(string name)
    {
        var c = CorpusCase.Named("connlist", name);
        var args = new List<string> { "list" };
        args.AddRange(c.Inputs);
        args.AddRange(["-o", "txt", "--ipblock-scope", "external"]);
        var result = CliRunner.RunIn(Paths.Conformance, [.. args]);

        Assert.Equal(0, result.Exit);
        var expected = File.ReadAllLines(Path.Combine(Paths.Conformance, c.Expected)).Where(l => l.Length > 0);
        Assert.Equal(WithoutIPv6(expected), WithoutIPv6(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    public static TheoryData<string> Cases => CorpusCase.Names("connlist");

    private static List<string> WithoutIPv6(IEnumerable<string> lines) =>
        [.. lines.Select(l => l.TrimEnd('\r')).Where(l => !IsIPv6Line(l))];

    // A line whose source or destination is an external range written with ':' (IPv6).
    private static bool IsIPv6Line(string line)
    {
        var arrow = line.IndexOf(" => ", StringComparison.Ordinal);
        var colon = line.IndexOf(" : ", arrow + 4, StringComparison.Ordinal);
        if (arrow < 0 || colon < 0) return false;
        var src = line[..arrow];
        var dst = line[(arrow + 4)..colon];
        return (src.EndsWith("[External]", StringComparison.Ordinal) && src.Contains(':', StringComparison.Ordinal))
            || (dst.EndsWith("[External]", StringComparison.Ordinal) && dst.Contains(':', StringComparison.Ordinal));
    }
}
