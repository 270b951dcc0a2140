namespace Portolan.Kubernetes.Yaml;

/// <summary>
/// Cuts a stream of JSON values, as kubectl accepts them ({...}{...}, or one per line as jq -c writes
/// them), into single values with the line each starts on, so each is read as its own document. Text
/// that does not start with { or [ is handed on whole, to be read as YAML (JSON documents separated
/// by ---, or YAML on stdin). An unbalanced value runs to the end and YAML reports what is wrong.
/// </summary>
public static class JsonStream
{
    public readonly record struct Chunk(int Start, int Length, int LineOffset);

    public static IEnumerable<Chunk> Split(string text)
    {
        int i = 0, line = 0;
        while (true)
        {
            var afterValue = i;
            for (; i < text.Length && char.IsWhiteSpace(text[i]); i++)
            {
                if (text[i] == '\n') line++;
            }
            if (i == text.Length) yield break;
            if (text[i] is not ('{' or '['))
            {
                // Keep the line's indentation for YAML, unless a JSON value ended earlier on this line.
                var lineStart = i == 0 ? 0 : text.LastIndexOf('\n', i - 1) + 1;
                var start = Math.Max(lineStart, afterValue);
                yield return new Chunk(start, text.Length - start, line);
                yield break;
            }
            var first = i;
            var firstLine = line;
            i = EndOfValue(text, i, ref line);
            yield return new Chunk(first, i - first, firstLine);
        }
    }

    private static int EndOfValue(string text, int i, ref int line)
    {
        var depth = 0;
        var quote = '\0';
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n') line++;
            if (quote != '\0')
            {
                if (c == '\\' && quote == '"' && i + 1 < text.Length && text[i + 1] != '\n') i++;
                else if (c == quote) quote = '\0';
                continue;
            }
            var startsToken = i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '{' or '[' or ',' or ':';
            switch (c)
            {
                case '"':
                case '\'' when startsToken:
                    quote = c;
                    break;
                case '#' when i == 0 || char.IsWhiteSpace(text[i - 1]):
                    while (i + 1 < text.Length && text[i + 1] != '\n') i++;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    if (--depth == 0) return i + 1;
                    break;
            }
        }
        return text.Length;
    }
}
