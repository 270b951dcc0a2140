using CsCheck;
using Portolan.Core.Sets;
using Portolan.Tests.Support;

namespace Portolan.Tests.Core;

/// <summary>
/// <see cref="ConnectionSet"/> against a naive model: the raw (protocol, from, to) triples it was built
/// from, probed at every endpoint ±1 and just outside 1–65535.
/// </summary>
public sealed class ConnectionSetLaws
{
    public sealed record Built((Protocol Protocol, int From, int To)[] Raw)
    {
        public ConnectionSet Set { get; } = Raw.Aggregate(ConnectionSet.None, (set, r) => set.Union(ConnectionSet.Of(r.Protocol, r.From, r.To)));

        public bool Model(Protocol protocol, int port) =>
            port is >= PortSet.MinPort and <= PortSet.MaxPort && Raw.Any(r => r.Protocol == protocol && r.From <= port && port <= r.To);

        public override string ToString() => $"[{string.Join(" ", Raw.Select(r => $"{r.Protocol}:{r.From}..{r.To}"))}] = {Set}";
    }

    // Port endpoints cluster where bugs live: the ends of the range, just outside it, and a few neighbours.
    private static readonly Gen<int> Port = Gen.Frequency(
        (3, (IGen<int>)Gen.OneOf(0, 1, 2, 79, 80, 81, 5000, 6000, 65534, 65535, 65536)),
        (1, Gen.Int[1, 65535]));

    private static readonly Gen<Built> Sets = Gen.Select(Gen.Enum<Protocol>(), Port, Port)
        .Select((p, a, b) => (p, Math.Min(a, b), Math.Max(a, b)))
        .Array[0, 5]
        .Select(raw => new Built(raw));

    // Sometimes a whole protocol, so "All Connections" and full-range branches are reached.
    private static readonly Gen<Built> SetsWithFullProtocols = Gen.Select(Sets, Gen.Enum<Protocol>().Array[0, 3])
        .Select((s, full) => new Built([.. s.Raw, .. full.Select(p => (p, 1, 65535))]));

    private static readonly Gen<(Built, Built, Built)> Three = Gen.Select(SetsWithFullProtocols, SetsWithFullProtocols, SetsWithFullProtocols);

    private static readonly int[] Edges = [0, 1, 65535, 65536];

    private static IEnumerable<int> Probes(params Built[] sets) =>
        Edges.Concat(sets.SelectMany(s => s.Raw).SelectMany(r => new[] { r.From - 1, r.From, r.To, r.To + 1 })).Distinct();

    private static void AssertPointwise(ConnectionSet actual, Func<Protocol, int, bool> model, IEnumerable<int> probes, string what)
    {
        foreach (var protocol in Protocols.All)
        {
            IntervalSetLaws<int>.AssertCanonical(actual[protocol]);
            foreach (var port in probes)
            {
                if (actual.Contains(protocol, port) != model(protocol, port))
                    Assert.Fail($"{what}: Contains({protocol} {port}) is {!model(protocol, port)} in {actual}");
            }
        }
    }

    [Fact]
    public void Operations_agree_with_the_model_and_stay_inside_1_to_65535() =>
        Three.Sample((a, b, _) =>
        {
            var probes = Probes(a, b).ToList();
            AssertPointwise(a.Set, a.Model, probes, "set");
            AssertPointwise(a.Set.Union(b.Set), (p, x) => a.Model(p, x) || b.Model(p, x), probes, "union");
            AssertPointwise(a.Set.Intersect(b.Set), (p, x) => a.Model(p, x) && b.Model(p, x), probes, "intersection");
            AssertPointwise(a.Set.Subtract(b.Set), (p, x) => a.Model(p, x) && !b.Model(p, x), probes, "difference");
            AssertPointwise(a.Set.Complement(), (p, x) => x is >= 1 and <= 65535 && !a.Model(p, x), probes, "complement");
            Assert.Equal(a.Raw.All(r => r.To < 1 || r.From > 65535), a.Set.IsEmpty);
        }, iter: 500);

    [Fact]
    public void Union_and_intersection_are_commutative_associative_and_distributive() =>
        Three.Sample((a, b, c) =>
        {
            Assert.Equal(a.Set.Union(b.Set), b.Set.Union(a.Set));
            Assert.Equal(a.Set.Intersect(b.Set), b.Set.Intersect(a.Set));
            Assert.Equal(a.Set.Union(b.Set).Union(c.Set), a.Set.Union(b.Set.Union(c.Set)));
            Assert.Equal(a.Set.Intersect(b.Set).Intersect(c.Set), a.Set.Intersect(b.Set.Intersect(c.Set)));
            Assert.Equal(a.Set.Intersect(b.Set.Union(c.Set)), a.Set.Intersect(b.Set).Union(a.Set.Intersect(c.Set)));
            Assert.Equal(a.Set.Union(b.Set.Intersect(c.Set)), a.Set.Union(b.Set).Intersect(a.Set.Union(c.Set)));
        }, iter: 500);

    [Fact]
    public void Complement_obeys_De_Morgan_and_defines_subtraction() =>
        Three.Sample((a, b, _) =>
        {
            Assert.Equal(a.Set.Union(b.Set).Complement(), a.Set.Complement().Intersect(b.Set.Complement()));
            Assert.Equal(a.Set.Intersect(b.Set).Complement(), a.Set.Complement().Union(b.Set.Complement()));
            Assert.Equal(a.Set, a.Set.Complement().Complement());
            Assert.Equal(a.Set.Subtract(b.Set), a.Set.Intersect(b.Set.Complement()));
            Assert.Equal(ConnectionSet.All, a.Set.Union(a.Set.Complement()));
            Assert.Equal(a.Set.Subtract(b.Set).IsEmpty, a.Set.IsSubsetOf(b.Set));
            Assert.Equal(a.Set.Equals(ConnectionSet.All), a.Set.IsAll);
        }, iter: 500);

    [Fact]
    public void Equality_is_structural() =>
        Three.Sample((a, b, _) =>
        {
            var probes = Probes(a, b).ToList();
            var sameMembers = Protocols.All.All(p => probes.All(x => a.Model(p, x) == b.Model(p, x)));
            // Probes cover every boundary of both sets, so agreement on them is agreement everywhere.
            Assert.Equal(sameMembers, a.Set.Equals(b.Set));
            var rebuilt = Protocols.All.Reverse().Aggregate(ConnectionSet.None, (set, p) => set.Union(ConnectionSet.Of(p, a.Set[p])));
            Assert.Equal(a.Set, rebuilt);
            Assert.Equal(a.Set.GetHashCode(), rebuilt.GetHashCode());
            Assert.True(a.Set.Equals((object)rebuilt));
        }, iter: 500);

    [Theory]
    [InlineData("All Connections")]
    [InlineData("No Connections")]
    [InlineData("TCP 80")]
    [InlineData("SCTP 9003,TCP 80,UDP 5353")]
    [InlineData("UDP 5000-6000")]
    [InlineData("TCP 8080,UDP 80,5000-6000")]
    [InlineData("SCTP 1-65535,TCP 1-65535,UDP 1-79,81-65535")]
    [InlineData("TCP 1-65535")]
    public void ToString_uses_the_corpus_format(string text) => Assert.Equal(text, ConnectionText.Parse(text).ToString());

    [Fact]
    public void ToString_examples_built_from_parts()
    {
        Assert.Equal("All Connections", ConnectionSet.All.ToString());
        Assert.Equal("SCTP 9003,TCP 80,UDP 5353", ConnectionSet.Of(Protocol.UDP, 5353, 5353)
            .Union(ConnectionSet.Of(Protocol.TCP, 80, 80)).Union(ConnectionSet.Of(Protocol.SCTP, 9003, 9003)).ToString());
        Assert.Equal("UDP 5000-6000", ConnectionSet.Of(Protocol.UDP, 5000, 5500).Union(ConnectionSet.Of(Protocol.UDP, 5501, 6000)).ToString());
        Assert.Equal("SCTP 1-65535,TCP 1-65535,UDP 1-79,81-65535", ConnectionSet.Of(Protocol.UDP, 80, 80).Complement().ToString());
    }

    [Fact]
    public void ToString_round_trips_and_lists_protocols_in_order() =>
        SetsWithFullProtocols.Sample(s =>
        {
            var text = s.Set.ToString();
            Assert.Equal(s.Set, ConnectionText.Parse(text));
            Assert.Equal(s.Set.IsAll, text == "All Connections");
            Assert.Matches(@"^(All Connections|No Connections|(SCTP [0-9,-]+,)?(TCP [0-9,-]+,)?(UDP [0-9,-]+,)?)$",
                text.StartsWith("All", StringComparison.Ordinal) || text.StartsWith("No", StringComparison.Ordinal) ? text : text + ",");
        }, iter: 500);
}
