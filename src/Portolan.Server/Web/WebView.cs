using Microsoft.AspNetCore.Http;

namespace Portolan.Server.Web;

/// <summary>
/// GET /: reserved for the connectivity map (the renderer `list -o html` uses, issue 7 part 3).
/// Until that renderer is wired in, a short page that says what the server offers.
/// </summary>
public static class WebView
{
    private const string Placeholder = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Portolan</title></head>
        <body>
        <h1>Portolan admission webhook</h1>
        <p>The connectivity map is not served here yet; run <code>portolan list -o html</code> for now.</p>
        <ul><li><code>POST /validate</code>: AdmissionReview v1</li><li><a href="/healthz">/healthz</a></li>
        <li><a href="/readyz">/readyz</a></li><li><a href="/metrics">/metrics</a></li></ul>
        </body></html>

        """;

    public static Task Serve(HttpContext context)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(Placeholder, context.RequestAborted);
    }
}
