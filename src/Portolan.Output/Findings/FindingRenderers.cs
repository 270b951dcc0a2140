namespace Portolan.Output.Findings;

/// <summary>The formats of a finding report (lint, check): txt, json, sarif, junit.</summary>
public static class FindingRenderers
{
    public static IReadOnlyList<string> Formats { get; } = ["txt", "json", "sarif", "junit"];

    public static void WriteText(FindingReport r, TextWriter w) => FindingTextRenderer.Render(r, w);

    public static void WriteJson(FindingReport r, TextWriter w) => FindingJsonRenderer.Render(r, w);

    /// <param name="baseDirectory">What artifact URIs are relative to: the repository root or working directory.</param>
    public static void WriteSarif(FindingReport r, TextWriter w, string baseDirectory) => FindingSarifRenderer.Render(r, w, baseDirectory);

    public static void WriteJunit(FindingReport r, TextWriter w) => FindingJunitRenderer.Render(r, w);

    /// <summary>Writes the report in one of <see cref="Formats"/>.</summary>
    public static void Write(string format, FindingReport r, TextWriter w, string baseDirectory)
    {
        switch (format)
        {
            case "json": WriteJson(r, w); break;
            case "sarif": WriteSarif(r, w, baseDirectory); break;
            case "junit": WriteJunit(r, w); break;
            default: WriteText(r, w); break;
        }
    }
}
