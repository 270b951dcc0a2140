namespace Portolan.Output.Html;

/// <summary>What the web view shows beside the data, and how much explanation it embeds.</summary>
public sealed record HtmlReportOptions
{
    /// <summary>Explanations are embedded for at most this many (source, destination) endpoint pairs (docs/web-view.md).</summary>
    public const int DefaultMaxExplainedPairs = 2000;

    /// <summary>The page's heading and title.</summary>
    public string Title { get; init; } = "Portolan";

    /// <summary>
    /// Bounds the page's size: endpoint pairs (classes of alike pods, external ranges) explained, in
    /// matrix order. Cells past the limit show the <c>portolan eval</c> command that explains them.
    /// </summary>
    public int MaxExplainedPairs { get; init; } = DefaultMaxExplainedPairs;

    /// <summary>The input as the <c>portolan eval</c> hint names it (for cells past the limit).</summary>
    public string EvalInput { get; init; } = "PATH";
}
