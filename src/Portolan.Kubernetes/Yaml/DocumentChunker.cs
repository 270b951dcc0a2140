namespace Portolan.Kubernetes.Yaml;

/// <summary>
/// Cuts a YAML stream into documents at <c>---</c> lines without parsing it, so each document can be
/// read on its own and only one document's text is held at a time. A chunk runs from a marker line
/// (or the start of the stream) to the line before the next marker. Directives (<c>%</c>) and document
/// end markers (<c>...</c>) change how later documents read, so from such a line on the rest of the
/// stream is one chunk marked <see cref="Chunk.Rest"/>, for the full YAML reader.
/// </summary>
public sealed class DocumentChunker(TextReader reader)
{
    /// <param name="Lines">The chunk's lines without line breaks.</param>
    /// <param name="FirstLine">The 1-based line number of Lines[0] in the stream.</param>
    /// <param name="Rest">The chunk is the rest of the stream from a directive or document end marker on.</param>
    /// <param name="Terminated">The last line ended with a line break (block scalars keep it).</param>
    public sealed record Chunk(List<string> Lines, int FirstLine, bool Rest, bool Terminated = true)
    {
        /// <summary>The chunk's text, line breaks as \n (YAML reads \r\n and \r as \n).</summary>
        public string Text() => string.Join('\n', Lines) + (Terminated && Lines.Count > 0 ? "\n" : "");
    }

    private readonly LineReader _reader = new(reader);
    private int _line;

    public IEnumerable<Chunk> Chunks()
    {
        var lines = new List<string>();
        var first = 1;
        while (true)
        {
            var line = _reader.ReadLine();
            if (line is null)
            {
                _carried = null;
                if (lines.Count > 0) yield return new Chunk(lines, first, false, _reader.LastTerminated);
                yield break;
            }
            _line++;
            if (IsDirectiveOrEnd(line))
            {
                lines.Add(line);
                while ((line = _reader.ReadLine()) is not null) lines.Add(line);
                _carried = null;
                yield return new Chunk(lines, first, true, _reader.LastTerminated);
                yield break;
            }
            if (IsDocumentStart(line) && lines.Count > 0)
            {
                var chunk = new Chunk(lines, first, false);
                lines = [line];
                _carried = lines;
                first = _line;
                yield return chunk;
                continue;
            }
            lines.Add(line);
        }
    }

    /// <summary>The text not yet cut into chunks.</summary>
    public string ReadRest()
    {
        var carried = _carried is null ? "" : string.Concat(_carried.Select(l => l + "\n"));
        _carried = null;
        return carried + _reader.ReadRest();
    }

    // The lines read for the next chunk when one is handed out (its marker line).
    private List<string>? _carried;

    /// <summary>A <c>---</c> marker: three dashes at column 1 followed by nothing, a space or a tab.</summary>
    public static bool IsDocumentStart(string line) =>
        line.StartsWith("---", StringComparison.Ordinal) && (line.Length == 3 || line[3] is ' ' or '\t' or '\r');

    private static bool IsDirectiveOrEnd(string line) =>
        line.StartsWith('%') || (line.StartsWith("...", StringComparison.Ordinal) && (line.Length == 3 || line[3] is ' ' or '\t' or '\r'));

    /// <summary>Splits at \n, \r\n and \r as TextReader.ReadLine does, and tells whether the last line had a break.</summary>
    private sealed class LineReader(TextReader reader)
    {
        // 8K chars (16 KB): a larger buffer lands on the large-object heap, once per file, and brings on gen-2 collections.
        private readonly char[] _buffer = new char[1 << 13];
        private readonly System.Text.StringBuilder _line = new();
        private int _position;
        private int _length;

        public bool LastTerminated { get; private set; } = true;

        public string? ReadLine()
        {
            _line.Clear();
            var any = false;
            while (true)
            {
                if (_position == _length)
                {
                    _length = reader.Read(_buffer, 0, _buffer.Length);
                    _position = 0;
                    if (_length <= 0)
                    {
                        _length = 0;
                        if (!any) return null;
                        LastTerminated = false;
                        return _line.ToString();
                    }
                }
                any = true;
                var span = _buffer.AsSpan(_position, _length - _position);
                var end = span.IndexOfAny('\n', '\r');
                if (end < 0)
                {
                    _line.Append(span);
                    _position = _length;
                    continue;
                }
                _line.Append(span[..end]);
                _position += end + 1;
                if (span[end] == '\r' && Peek() == '\n') _position++;
                LastTerminated = true;
                return _line.ToString();
            }
        }

        public string ReadRest()
        {
            var rest = new string(_buffer, _position, _length - _position) + reader.ReadToEnd();
            _position = _length = 0;
            return rest;
        }

        private int Peek()
        {
            if (_position == _length)
            {
                _length = reader.Read(_buffer, 0, _buffer.Length);
                _position = 0;
                if (_length <= 0)
                {
                    _length = 0;
                    return -1;
                }
            }
            return _buffer[_position];
        }
    }
}
