using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using Portolan.Kubernetes.Yaml;

namespace Portolan.Kubernetes.Conversion;

/// <summary>
/// Cuts a manifest into documents: trees from <see cref="YamlDocumentReader"/> (same lines and
/// checks as every other command) beside the original text of each, sliced at the parser's marks.
/// A document's text runs from after its <c>---</c> line (or from the end of the previous document
/// when the start is implicit, so leading comments stay) to where the next document begins.
/// YAML directives (<c>%YAML</c>, <c>%TAG</c>) and the <c>...</c> end marker are not kept.
/// </summary>
public static class DocumentSlicer
{
    public static IEnumerable<SourceDocument> Slice(string text, string file)
    {
        using var spans = Spans(text).GetEnumerator();
        foreach (var document in YamlDocumentReader.Read(new StringReader(text), file))
        {
            // Both walk the same events, so there is one span per document.
            if (!spans.MoveNext()) throw new InvalidOperationException($"{file}: document boundaries disagree");
            var (start, end) = spans.Current;
            yield return new SourceDocument(file, document.Line, document.Root, text[start..end]);
        }
    }

    private static IEnumerable<(int Start, int End)> Spans(string text)
    {
        var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
        var previousEnd = 0;
        var start = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case DocumentStart { IsImplicit: true }:
                    start = previousEnd;
                    break;
                case DocumentStart explicitStart:
                    start = AfterMarkerLine(text, (int)explicitStart.End.Index);
                    break;
                case DocumentEnd end:
                    var stop = (int)end.Start.Index;
                    yield return (start, Math.Max(start, stop));
                    previousEnd = end.IsImplicit ? stop : AfterMarkerLine(text, stop + 3);
                    break;
            }
        }
    }

    // Skips the rest of a "---" or "..." line when it holds only blanks; content on it is kept.
    private static int AfterMarkerLine(string text, int index)
    {
        var i = index;
        while (i < text.Length && text[i] is ' ' or '\t') i++;
        if (i < text.Length && text[i] == '\r') i++;
        if (i < text.Length && text[i] == '\n') return i + 1;
        return i == text.Length ? i : index;
    }
}
