using System.Text.Json;
using Portolan.Tests.Support;

namespace Portolan.Tests.Web;

/// <summary>
/// Each cell's embedded explanation agrees with the cell: the groups cover every protocol and port
/// once, and the ports of the allowed groups are exactly the cell's allowed set (the explainer is
/// the reference semantics, the cell comes from the compressed engine).
/// </summary>
public sealed class ExplanationTests
{
    public static TheoryData<string> Inputs() => ["examples/shop", "test/golden/diff/mixed/before", "test/golden/diff/mixed/after"];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Allowed_groups_are_exactly_the_cells_allowed_ports(string input)
    {
        var data = Page.List(input).Data;
        var sets = data.GetProperty("sets").EnumerateArray().ToList();
        var cells = data.GetProperty("cells").EnumerateArray().ToDictionary(c => (c[0].GetInt32(), c[1].GetInt32()), c => sets[c[2].GetInt32()]);
        var rows = data.GetProperty("rows").EnumerateArray().ToList();
        var columns = data.GetProperty("columns").EnumerateArray().ToList();
        var explanations = data.GetProperty("explanations").GetProperty("now");
        int explained = 0;
        for (int r = 0; r < rows.Count; r++)
        {
            for (int c = 0; c < columns.Count; c++)
            {
                var key = $"{rows[r][1].GetInt32()}:{columns[c][1].GetInt32()}";
                if (!explanations.TryGetProperty(key, out var groups)) continue;
                explained++;
                var allowed = groups.EnumerateArray().Where(g => g[1].GetBoolean()).Select(g => g[0].GetString()!).ToList();
                var all = groups.EnumerateArray().Select(g => g[0].GetString()!).ToList();
                var expected = cells.TryGetValue((r, c), out var set) ? set.GetProperty("text").GetString()! : "No Connections";
                Assert.Equal(expected, PortText.Union(allowed));
                Assert.Equal("All Connections", PortText.Union(all));
                Assert.Equal(PortText.Size("All Connections"), all.Sum(PortText.Size)); // groups do not overlap
            }
        }
        Assert.True(explained > 0, "no cell had an explanation");
        Assert.True(data.GetProperty("explained").GetProperty("complete").GetBoolean());
    }

    [Fact]
    public void Explanations_stop_at_the_budget_and_say_so()
    {
        using var output = new StringWriter();
        var cluster = new Portolan.Kubernetes.ManifestLoader(TextReader.Null, _ => { }).Load([Path.Combine(Paths.Examples, "shop")]);
        Portolan.Output.Html.HtmlReport.WriteList(cluster, Portolan.Core.Analysis.IPBlockScope.All, output,
            new Portolan.Output.Html.HtmlReportOptions { MaxExplainedPairs = 3 });
        var data = new Page(output.ToString()).Data;

        var explained = data.GetProperty("explained");
        Assert.Equal(3, explained.GetProperty("pairs").GetInt32());
        Assert.False(explained.GetProperty("complete").GetBoolean());
        Assert.Equal(3, data.GetProperty("explanations").GetProperty("now").EnumerateObject().Count());
        Assert.Equal(Page.List("examples/shop").Data.GetProperty("cells").GetRawText(), data.GetProperty("cells").GetRawText());
    }

    [Fact]
    public void A_denied_cell_names_the_policies_that_deny_it()
    {
        var page = Page.List("examples/shop");
        var data = page.Data;
        var paths = data.GetProperty("paths").EnumerateArray().ToList();
        var (source, destination) = (Endpoint(page, "rows", "shop/frontend[Deployment]"), Endpoint(page, "columns", "data/postgres[StatefulSet]"));
        var groups = data.GetProperty("explanations").GetProperty("now").GetProperty($"{source}:{destination}").EnumerateArray().ToList();

        var tcp5432 = Assert.Single(groups, g => PortText.Parse(g[0].GetString()!).Contains(Portolan.Core.Sets.Protocol.TCP, 5432));
        Assert.False(tcp5432[1].GetBoolean());
        var egress = paths[tcp5432[2].GetInt32()];
        var ingress = paths[tcp5432[3].GetInt32()];
        Assert.False(egress.GetProperty("allowed").GetBoolean());
        Assert.Contains("shop/default-deny", egress.GetProperty("steps")[0].GetString(), StringComparison.Ordinal);
        Assert.False(ingress.GetProperty("allowed").GetBoolean());
        Assert.Contains("isolated by data/default-deny", ingress.GetProperty("steps")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Every_port_of_a_group_has_the_groups_explanation(string input)
    {
        // The page explains one port per group of atoms; eval on any other port of the group must say the same.
        var cluster = new Portolan.Kubernetes.ManifestLoader(TextReader.Null, _ => { }).Load([Path.Combine(Paths.RepoRoot, input)]);
        var engine = new Portolan.Core.Analysis.Compressed.CompressedEngine(cluster, Portolan.Core.Analysis.IPBlockScope.All);
        using var output = new StringWriter();
        Portolan.Output.Html.HtmlReport.WriteList(engine, output);
        var data = new Page(output.ToString()).Data;
        var paths = data.GetProperty("paths").EnumerateArray().Select(p => string.Join("\n", p.GetProperty("steps").EnumerateArray().Select(s => s.GetString()))).ToList();
        var explainer = new Portolan.Core.Analysis.Explainer(engine.Index, engine.Matcher);
        string Direct(Portolan.Core.Analysis.Endpoint subject, Portolan.Core.Model.Direction direction, Portolan.Core.Analysis.Endpoint other, Portolan.Core.Sets.Protocol protocol, int port) =>
            subject is Portolan.Core.Analysis.PodEndpoint pod
                ? string.Join("\n", explainer.Explain(pod, direction, other, protocol, port).Path.Select(Portolan.Output.EvalTextRenderer.Describe))
                : "";
        int checkedAtoms = 0;
        foreach (var pair in data.GetProperty("explanations").GetProperty("now").EnumerateObject())
        {
            var ids = pair.Name.Split(':').Select(int.Parse).ToArray();
            var (source, destination) = (engine.Endpoints[ids[0]], engine.Endpoints[ids[1]]);
            var groups = pair.Value.EnumerateArray().Select(g => (Ports: PortText.Parse(g[0].GetString()!), Egress: g[2].GetInt32(), Ingress: g[3].GetInt32())).ToList();
            for (int k = 0; k < engine.Atoms.Count; k++)
            {
                var (protocol, from, to) = engine.Atoms[k];
                foreach (var port in new[] { from, to })
                {
                    var group = Assert.Single(groups, g => g.Ports.Contains(protocol, port));
                    Assert.Equal(Direct(source, Portolan.Core.Model.Direction.Egress, destination, protocol, port), group.Egress < 0 ? "" : paths[group.Egress]);
                    Assert.Equal(Direct(destination, Portolan.Core.Model.Direction.Ingress, source, protocol, port), group.Ingress < 0 ? "" : paths[group.Ingress]);
                    checkedAtoms++;
                }
            }
        }
        Assert.True(checkedAtoms > 0);
    }

    private static int Endpoint(Page page, string axis, string name) =>
        page.Data.GetProperty(axis).EnumerateArray().Single(e => page.PeerName(e) == name)[1].GetInt32();
}
