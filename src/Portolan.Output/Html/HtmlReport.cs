using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Analysis.Diff;
using Portolan.Core.Model;

namespace Portolan.Output.Html;

/// <summary>
/// The web view as one self-contained HTML page (inline CSS, script and data; no external resource):
/// the connectivity matrix, a graph, each cell's eval explanation, and for a diff what opened and
/// closed. Used by <c>list -o html</c>, <c>diff -o html</c> and <c>serve</c>'s <c>GET /</c>.
/// </summary>
public static class HtmlReport
{
    /// <summary>The page of every allowed connection of one state.</summary>
    public static void WriteList(Cluster cluster, IPBlockScope scope, TextWriter output, HtmlReportOptions? options = null) =>
        WriteList(new CompressedEngine(cluster, scope), output, options);

    /// <summary>As <see cref="WriteList(Cluster, IPBlockScope, TextWriter, HtmlReportOptions?)"/>, from an engine already built (e.g. an <see cref="IncrementalAnalysis"/>'s).</summary>
    public static void WriteList(CompressedEngine engine, TextWriter output, HtmlReportOptions? options = null)
    {
        options ??= new HtmlReportOptions();
        var now = new ReportSide(new CompressedReport(engine));
        HtmlPage.Write(output, options, stream => PageJson.Write(stream, "list", options, now, null, null, null));
    }

    /// <summary>The page of <paramref name="after"/> with what changed since <paramref name="before"/>: opened cells green, closed red.</summary>
    /// <returns>The diff the page shows (for exit codes and warnings).</returns>
    public static ConnectivityDiff WriteDiff(Cluster before, Cluster after, IPBlockScope scope, TextWriter output, HtmlReportOptions? options = null)
    {
        options ??= new HtmlReportOptions();
        // Both sides cut the external space on the union of their boundaries, as diff does.
        var was = new ReportSide(new CompressedReport(new CompressedEngine(before, scope, DiffAnalyzer.Boundaries(after, scope))));
        var now = new ReportSide(new CompressedReport(new CompressedEngine(after, scope, DiffAnalyzer.Boundaries(before, scope))));
        var diff = DiffAnalyzer.Compare(was.Result, now.Result);
        var analyzers = new DiffAnalyzer(before, after, scope);
        var causes = new DiffExplainer(analyzers.Before, analyzers.After);
        HtmlPage.Write(output, options, stream => PageJson.Write(stream, "diff", options, now, was, diff, causes));
        return diff;
    }
}
