using Portolan.Output.Html;

namespace Portolan.Cli.Commands;

/// <summary>The options of an HTML page written by a command: its title, and the input its eval hints name.</summary>
public static class WebView
{
    public static HtmlReportOptions Options(string title, IReadOnlyList<string> evalInputs) => new()
    {
        Title = $"Portolan {title}",
        EvalInput = evalInputs.Count == 0 ? "." : string.Join(" ", evalInputs.Select(Quote)),
    };

    // POSIX shell quoting, so the eval command the page shows can be pasted as it is.
    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "_./:=@%+,-".Contains(c, StringComparison.Ordinal))
            ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
