using System.Net;
using System.Reflection;

namespace Portolan.Output.Html;

/// <summary>The page shell: markup, the inline stylesheet and script (embedded resources), and the data block.</summary>
internal static class HtmlPage
{
    private static readonly Lazy<string> Style = new(() => Asset("page.css"));
    private static readonly Lazy<string> Script = new(() => Asset("page.js"));
    private static readonly Lazy<string> Body = new(() => Asset("page.html"));

    public static void Write(TextWriter output, HtmlReportOptions options, Action<Stream> writeData)
    {
        var title = WebUtility.HtmlEncode(options.Title);
        output.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        output.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        // Nothing may be fetched: the page works from a file, offline (docs/web-view.md).
        output.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
        output.Write($"<title>{title}</title>\n<style>\n{Style.Value}</style>\n</head>\n<body>\n");
        output.Write(Body.Value.Replace("{{title}}", title, StringComparison.Ordinal));
        output.Write("<script type=\"application/json\" id=\"portolan-data\">\n");
        output.Flush();
        using (var data = new MemoryStream())
        {
            writeData(data);
            output.Write(System.Text.Encoding.UTF8.GetString(data.GetBuffer(), 0, (int)data.Length));
        }
        output.Write($"\n</script>\n<script>\n{Script.Value}</script>\n</body>\n</html>\n");
        output.Flush();
    }

    private static string Asset(string name)
    {
        using var stream = typeof(HtmlPage).Assembly.GetManifestResourceStream($"Portolan.Output.Html.Assets.{name}")
            ?? throw new InvalidOperationException($"embedded asset {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
