using CsCheck;
using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Diff;
using Portolan.Core.Model;
using Portolan.Core.Sets;
using Portolan.Tests.Conformance;
using Portolan.Tests.Support;

namespace Portolan.Tests.Diff;

/// <summary>The laws of the diff: identity, antisymmetry, and independence from how the address space is cut.</summary>
public sealed class DiffAnalyzerTests
{
    private static readonly string Mixed = Path.Combine(Paths.Golden, "diff", "mixed");

    [Theory]
    [MemberData(nameof(CorpusInputs))]
    public void An_input_compared_with_itself_has_no_difference(string input)
    {
        var cluster = Manifests.FromPath(Path.Combine(Paths.Conformance, input));

        var diff = new DiffAnalyzer(cluster, cluster, IPBlockScope.External).Analyze();

        Assert.Empty(diff.Entries);
        Assert.Empty(diff.AddedWorkloads);
        Assert.Empty(diff.RemovedWorkloads);
    }

    public static TheoryData<string> CorpusInputs()
    {
        var data = new TheoryData<string>();
        foreach (var input in CorpusCase.All.Where(c => c.Kind == "diff").SelectMany(c => c.Inputs).Distinct().Order(StringComparer.Ordinal))
        {
            data.Add(input);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(DiffCases))]
    public void Swapping_the_sides_swaps_added_and_removed(string name)
    {
        var c = CorpusCase.Named("diff", name);
        var old = Manifests.FromPath(Path.Combine(Paths.Conformance, c.Inputs[0]));
        var @new = Manifests.FromPath(Path.Combine(Paths.Conformance, c.Inputs[1]));

        var forward = new DiffAnalyzer(old, @new, IPBlockScope.External).Analyze();
        var backward = new DiffAnalyzer(@new, old, IPBlockScope.External).Analyze();

        Assert.Equal(Lines(forward.Entries.Select(Mirror)), Lines(backward.Entries));
        // ImmutableArray's own Equals compares references: compare the peers' names.
        Assert.Equal(forward.AddedWorkloads.Select(p => p.Name), backward.RemovedWorkloads.Select(p => p.Name));
        Assert.Equal(forward.RemovedWorkloads.Select(p => p.Name), backward.AddedWorkloads.Select(p => p.Name));
    }

    public static TheoryData<string> DiffCases => CorpusCase.Names("diff");

    [Fact]
    public void The_diff_does_not_depend_on_extra_cuts_of_the_address_space()
    {
        var before = Manifests.FromPath(Path.Combine(Mixed, "before"));
        var after = Manifests.FromPath(Path.Combine(Mixed, "after"));
        var expected = Lines(new DiffAnalyzer(before, after, IPBlockScope.All).Analyze().Entries);

        var v4 = Gen.Select(Gen.UInt, Gen.UInt, (a, b) => new AddressSet(IntervalSet<uint>.Of(Math.Min(a, b), Math.Max(a, b)), IntervalSet<UInt128>.Empty));
        var v6 = Gen.Select(Gen.ULong, Gen.Int[1, 64], (a, shift) =>
            new AddressSet(IntervalSet<uint>.Empty, IntervalSet<UInt128>.Of((UInt128)a << shift, ((UInt128)a << shift) + ulong.MaxValue)));
        Gen.OneOf(v4, v6).Array[0, 6].Sample(extra =>
        {
            var cutsBefore = DiffAnalyzer.Boundaries(after, IPBlockScope.All).AddRange(extra);
            var cutsAfter = DiffAnalyzer.Boundaries(before, IPBlockScope.All).AddRange(extra);
            var diff = DiffAnalyzer.Compare(
                new ConnectivityAnalyzer(before, IPBlockScope.All, cutsBefore).Analyze(),
                new ConnectivityAnalyzer(after, IPBlockScope.All, cutsAfter).Analyze());
            Assert.Equal(expected, Lines(diff.Entries));
        }, iter: 60);
    }

    [Fact]
    public void An_IPv6_block_named_on_one_side_only_is_no_difference_when_behaviour_is_the_same()
    {
        const string Pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: default, labels: {app: web}}
            spec: {containers: [{name: c, image: i}]}
            ---
            """;
        var before = Manifests.FromYaml(Pod + "\n" + """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: open, namespace: default}
            spec:
              podSelector: {}
              ingress:
                - from: [{ipBlock: {cidr: 0.0.0.0/0}}, {ipBlock: {cidr: "::/0"}}, {namespaceSelector: {}}]
            """);
        var after = Manifests.FromYaml(Pod + "\n" + """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: open, namespace: default}
            spec:
              podSelector: {}
              ingress: [{}]
            """);

        var diff = new DiffAnalyzer(before, after, IPBlockScope.External).Analyze();

        Assert.Empty(diff.Entries);
    }

    [Fact]
    public void Pod_addresses_inside_a_changed_range_neither_split_nor_join_it()
    {
        var before = Manifests.FromPath(Path.Combine(Mixed, "before"));
        var after = Manifests.FromPath(Path.Combine(Mixed, "after"));

        var diff = new DiffAnalyzer(before, after, IPBlockScope.All).Analyze();

        // The frontend's own IP 172.16.0.9 is a pod, not an external address: the range skips it.
        var widened = diff.Entries.Where(e => e.Destination.Name == "web/frontend[Pod]" && e.Source is ExternalPeer).ToList();
        Assert.Equal(["0.0.0.0-9.255.255.255[External]", "11.0.0.0-172.16.0.8,172.16.0.10-255.255.255.255[External]"],
            widened.Select(e => e.Source.Name));
        Assert.All(widened, e => Assert.Equal(DiffChange.Widened, e.Change));
        Assert.All(widened, e => Assert.Equal("TCP 8443", e.Opened.ToString()));
    }

    [Fact]
    public void A_pod_that_got_a_new_IP_is_no_external_change()
    {
        static string Pod(string ip) => """
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: default, labels: {app: web}}
            spec: {containers: [{name: c, image: i}]}
            """ + $"\nstatus: {{podIP: {ip}}}\n";

        var diff = new DiffAnalyzer(Manifests.FromYaml(Pod("10.0.0.5")), Manifests.FromYaml(Pod("10.0.0.7")), IPBlockScope.All).Analyze();

        Assert.Empty(diff.Entries);
    }

    [Fact]
    public void Entries_are_grouped_by_kind_then_sorted_by_source_and_destination()
    {
        var before = Manifests.FromPath(Path.Combine(Mixed, "before"));
        var after = Manifests.FromPath(Path.Combine(Mixed, "after"));

        var entries = new DiffAnalyzer(before, after, IPBlockScope.All).Analyze().Entries;

        var keys = entries.Select(e => $"{(int)e.Kind} {e.Source.Name} {e.Destination.Name}").ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.All(entries, e => Assert.NotEqual(e.Before, e.After));
        Assert.All(entries.Where(e => e.Kind == DiffKind.Changed), e => Assert.Empty(e.OneSidedPeers));
    }

    private static DiffEntry Mirror(DiffEntry e) =>
        e with { Kind = DiffEntry.KindOf(e.After, e.Before), Before = e.After, After = e.Before };

    private static List<string> Lines(IEnumerable<DiffEntry> entries) =>
        [.. entries.Select(e => $"{e.Kind} {e.Source} {e.Destination} {e.Before} {e.After} {string.Join(" and ", e.OneSidedPeers)}")
            .Order(StringComparer.Ordinal)];
}
