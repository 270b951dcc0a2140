using Portolan.Tests.Conformance;
using Portolan.Tests.Support;

namespace Portolan.Tests.Convert;

/// <summary>
/// Issue 3: for every connlist case of the np-guard corpus that has an ANP or BANP, `convert --to
/// v1alpha2` then `list` prints exactly what `list` prints for the original, under both ipblock
/// scopes; the only cases refused are those using a construct the v1alpha2 CRD rejects.
/// </summary>
public sealed class CorpusRoundTripTests
{
    /// <summary>Every refused case, with the construct that v1alpha2 rejects, as the message names it.</summary>
    private static readonly Dictionary<string, string> Refused = new(StringComparer.Ordinal)
    {
        // egress rule "allow-egress" lists namedPort: dns beside a networks peer (semantics §7.51).
        ["anp_test_named_ports_multiple_peers"] =
            "tests/anp_test_named_ports_multiple_peers/policies.yaml:30: AdminNetworkPolicy egress-peer-1: spec.egress[0].ports[2].namedPort: "
            + "cannot be converted to ClusterNetworkPolicy v1alpha2: the rule's peers include spec.egress[0].to[0].networks",
    };

    public static TheoryData<string> AdminCases
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in CorpusCase.All.Where(c => c.Kind == "connlist" && c.HasAdminPolicies)) data.Add(c.Name);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(AdminCases))]
    public void Convert_then_list_equals_list_of_the_original(string name)
    {
        var c = CorpusCase.Named("connlist", name);
        var converted = CliRunner.RunIn(Paths.Conformance, ["convert", "--to", "v1alpha2", .. c.Inputs]);
        if (Refused.TryGetValue(name, out var reason))
        {
            Assert.Equal(3, converted.Exit);
            Assert.Equal("", converted.Stdout);
            Assert.Contains($"portolan: error: {reason}", converted.Stderr, StringComparison.Ordinal);
            return;
        }
        Assert.True(converted.Exit == 0, converted.Stderr);
        Assert.DoesNotContain("AdminNetworkPolicy", converted.Stdout, StringComparison.Ordinal);
        Assert.Contains("kind: ClusterNetworkPolicy", converted.Stdout, StringComparison.Ordinal);

        var file = Path.Combine(Path.GetTempPath(), $"portolan-convert-{name}-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(file, converted.Stdout);
            foreach (var scope in new[] { "external", "all" })
            {
                var original = CliRunner.RunIn(Paths.Conformance, ["list", .. c.Inputs, "--ipblock-scope", scope]);
                var roundTrip = CliRunner.Run("list", file, "--ipblock-scope", scope);
                Assert.Equal(0, original.Exit);
                Assert.True(roundTrip.Exit == 0, roundTrip.Stderr);
                Assert.Equal(original.Stdout, roundTrip.Stdout);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Exactly_the_cases_with_a_construct_v1alpha2_rejects_are_refused()
    {
        var cases = CorpusCase.All.Where(c => c.Kind == "connlist" && c.HasAdminPolicies).ToList();
        Assert.True(cases.Count >= 30, $"only {cases.Count} corpus cases with ANP/BANP found");
        var refused = cases
            .Where(c => CliRunner.RunIn(Paths.Conformance, ["convert", "--to", "v1alpha2", .. c.Inputs]).Exit != 0)
            .Select(c => c.Name)
            .ToList();
        Assert.Equal(Refused.Keys.Order(StringComparer.Ordinal), refused.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Converting_twice_changes_nothing_more()
    {
        foreach (var c in CorpusCase.All.Where(c => c.Kind == "connlist" && !Refused.ContainsKey(c.Name)))
        {
            var once = CliRunner.RunIn(Paths.Conformance, ["convert", "--to", "v1alpha2", .. c.Inputs]);
            Assert.True(once.Exit == 0, $"{c.Name}: {once.Stderr}");
            var twice = CliRunner.RunWithStdin(once.Stdout, "convert", "--to", "v1alpha2", "-");
            Assert.True(twice.Exit == 0, $"{c.Name}: {twice.Stderr}");
            Assert.Equal(once.Stdout, twice.Stdout);
        }
    }
}
