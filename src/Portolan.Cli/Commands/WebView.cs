using Portolan.Output.Html;

namespace Portolan.Cli.Commands;

/// <summary>The options of an HTML page written by a command: its title, and the input its eval hints name.</summary>
public static class WebView
{
    public static HtmlReportOptions Options(string title, IReadOnlyList<string> evalInputs) => new()
    {
        Title = $"Portolan {title}",
        EvalInput = evalInputs.Count == 0 ? "." : string.Join(" ", evalInputs),
    };
}
