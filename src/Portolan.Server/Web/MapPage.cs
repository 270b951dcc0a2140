using Microsoft.AspNetCore.Http;
using Portolan.Output.Html;
using Portolan.Server.State;

namespace Portolan.Server.Web;

/// <summary>
/// GET /: the connectivity map of the stored state, the page `list -o html` writes (matrix, graph,
/// explanations; no external resources). Rendered once per state version, from the immutable
/// cluster and outside the state lock, so admission never waits for it.
/// </summary>
public sealed class MapPage(PolicyState state, string source)
{
    private readonly Lock _rendering = new();
    private (long Version, string Html)? _page;

    public async Task Serve(HttpContext context)
    {
        var (cluster, version) = state.Snapshot();
        if (cluster is null)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync("not ready: the cluster state is still loading\n", context.RequestAborted).ConfigureAwait(false);
            return;
        }
        var page = _page is { } cached && cached.Version == version ? cached : await Task.Run(() => PageOf(cluster, version), context.RequestAborted).ConfigureAwait(false);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(page.Html, context.RequestAborted).ConfigureAwait(false);
    }

    // One render at a time; a request that waited finds the page its predecessor rendered.
    private (long Version, string Html) PageOf(Portolan.Core.Model.Cluster cluster, long version)
    {
        lock (_rendering)
        {
            if (_page is not { } page || page.Version != version) _page = page = (version, Render(cluster));
            return page;
        }
    }

    private string Render(Portolan.Core.Model.Cluster cluster)
    {
        var text = new StringWriter { NewLine = "\n" };
        HtmlReport.WriteList(cluster, state.Scope, text, new HtmlReportOptions { Title = "Portolan: the cluster's connectivity", EvalInput = source });
        return text.ToString();
    }
}
