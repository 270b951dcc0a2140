using System.Text;

namespace Portolan.Kubernetes.Yaml;

/// <summary>
/// A fast reader for the part of YAML that manifests are written in: block mappings and sequences,
/// single-line plain and quoted scalars, and one-line flow collections of scalars. It builds the same
/// tree, lines and sizes as <see cref="YamlDocumentReader"/>'s YamlDotNet path, and gives up (returns
/// null) on anything else — anchors, tags, block scalars, multi-line scalars, tabs, directives, and
/// every error — so the full reader decides those. A differential test holds the two together.
/// </summary>
public sealed class BlockYamlParser
{
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _keyLookup;
    private readonly StringBuilder _buffer = new();

    private List<string> _lines = [];
    private int _firstLine;
    private int _index;

    // The current line, possibly re-based: "- key: v" is read as a mapping line starting after the dash.
    private int _indent;
    private int _start;

    public BlockYamlParser() => _keyLookup = _keys.GetAlternateLookup<ReadOnlySpan<char>>();

    private sealed class Unsupported : Exception;

    private static readonly Unsupported GiveUp = new();

    /// <summary>The document in <paramref name="lines"/> (one chunk of <see cref="DocumentChunker"/>), or null when the full reader must read it.</summary>
    public YamlDocument? TryParse(List<string> lines, int firstLine, string file)
    {
        _lines = lines;
        _firstLine = firstLine;
        _index = 0;
        if (_keys.Count > 4096) _keys.Clear();
        try
        {
            var documentLine = firstLine;
            if (lines.Count > 0 && DocumentChunker.IsDocumentStart(lines[0]))
            {
                if (!IsBlankOrComment(lines[0].AsSpan(3))) return null;
                _index = 1;
            }
            if (!NextContent()) return null; // empty documents: the full reader knows how YamlDotNet reports them
            if (_index > 0 && DocumentChunker.IsDocumentStart(lines[0])) documentLine = firstLine;
            else documentLine = LineNumber;
            var root = ParseBlock(_indent, 1);
            if (root is not YMap || root.Size > YamlDocumentReader.MaxExpandedNodes) return null;
            if (NextContent()) return null;
            return new YamlDocument(file, documentLine, root);
        }
        catch (Unsupported)
        {
            return null;
        }
    }

    private int LineNumber => _firstLine + _index;

    private string Line => _lines[_index];

    // Moves to the next line with content (from the current one), setting indent and start; false at the end.
    private bool NextContent()
    {
        for (; _index < _lines.Count; _index++)
        {
            var line = _lines[_index];
            // Comments too: YamlDotNet rejects controls and breaks lines at NEL, LS and PS, even there.
            if (line.AsSpan().IndexOfAnyExceptInRange(' ', '~') >= 0) CheckPlain(line);
            var i = 0;
            while (i < line.Length && line[i] == ' ') i++;
            if (i < line.Length && line[i] == '\t') throw GiveUp;
            if (i == line.Length || line[i] == '#') continue;
            _indent = i;
            _start = i;
            return true;
        }
        return false;
    }

    private void Advance()
    {
        _index++;
        NextContent();
    }

    private bool AtEnd => _index >= _lines.Count;

    private bool AtSequenceEntry()
    {
        var line = Line;
        return line[_start] == '-' && (_start + 1 == line.Length || line[_start + 1] == ' ');
    }

    private YNode ParseBlock(int indent, int depth)
    {
        if (depth >= YamlDocumentReader.MaxDepth) throw GiveUp;
        return AtSequenceEntry() ? ParseSequence(indent, depth) : ParseMapping(indent, depth);
    }

    private YMap ParseMapping(int indent, int depth)
    {
        var map = new YMap(LineNumber);
        long size = 1;
        while (!AtEnd && _indent == indent && !AtSequenceEntry())
        {
            var line = Line;
            var keyLine = LineNumber;
            var (key, after) = ReadKey(line, _start) ?? throw GiveUp;
            if (key == "<<" || map.Has(key)) throw GiveUp;
            var rest = line.AsSpan(after);
            YNode value;
            if (IsBlankOrComment(rest))
            {
                Advance();
                if (!AtEnd && _indent > indent) value = ParseBlock(_indent, depth + 1);
                else if (!AtEnd && _indent == indent && AtSequenceEntry()) value = ParseSequence(indent, depth + 1);
                else value = new YScalar(keyLine, "", quoted: false); // "key:" alone is a null
            }
            else
            {
                value = ParseInline(line, SkipSpaces(line, after), keyLine, depth + 1);
                Advance();
                if (!AtEnd && _indent > indent) throw GiveUp; // a multi-line plain scalar, or an error
            }
            map.Add(key, value);
            size += 1 + value.Size;
        }
        if (!AtEnd && _indent > indent) throw GiveUp;
        map.Size = size;
        return map;
    }

    private YSeq ParseSequence(int indent, int depth)
    {
        var seq = new YSeq(LineNumber);
        long size = 1;
        while (!AtEnd && _indent == indent && AtSequenceEntry())
        {
            var line = Line;
            var column = _start + 1;
            while (column < line.Length && line[column] == ' ') column++;
            YNode item;
            if (column == line.Length || line[column] == '#')
            {
                Advance();
                if (!AtEnd && _indent > indent) item = ParseBlock(_indent, depth + 1);
                else throw GiveUp;
            }
            else if (line[column] == '-' && (column + 1 == line.Length || line[column + 1] == ' ') || ReadKey(line, column) is not null)
            {
                // "- - a" or "- key: v": a collection whose first line starts after the dash.
                _indent = column;
                _start = column;
                item = ParseBlock(column, depth + 1);
            }
            else
            {
                item = ParseInline(line, column, LineNumber, depth + 1);
                Advance();
                if (!AtEnd && _indent > indent) throw GiveUp;
            }
            seq.Add(item);
            size += item.Size;
        }
        if (!AtEnd && _indent > indent) throw GiveUp;
        seq.Size = size;
        return seq;
    }

    // A mapping key at column i ("key:", "key: v", "'key': v"), with the index just past the colon.
    private (string Key, int After)? ReadKey(string line, int i)
    {
        if (line[i] is '"' or '\'')
        {
            var (text, end) = ReadQuoted(line, i);
            var j = end;
            while (j < line.Length && line[j] == ' ') j++;
            if (j < line.Length && line[j] == ':' && (j + 1 == line.Length || line[j + 1] == ' ')) return (Intern(text), j + 1);
            return null;
        }
        if (!CanStartPlain(line, i)) return null;
        for (var j = i; j < line.Length; j++)
        {
            var c = line[j];
            if (c == ':' && (j + 1 == line.Length || line[j + 1] == ' '))
            {
                var key = line.AsSpan(i, j - i).TrimEnd(' ');
                if (key.Length == 0 || key.Length > 1024) throw GiveUp;
                CheckPlain(key);
                return (Intern(key), j + 1);
            }
            if (c == '#' && line[j - 1] == ' ') return null;
        }
        return null;
    }

    private string Intern(ReadOnlySpan<char> key)
    {
        if (_keyLookup.TryGetValue(key, out var existing)) return existing;
        var text = key.ToString();
        _keys[text] = text;
        return text;
    }

    private string Intern(string key) => _keyLookup.TryGetValue(key, out var existing) ? existing : _keys[key] = key;

    // A scalar or a one-line flow collection starting at column i, running to the end of the line (or a comment).
    private YNode ParseInline(string line, int i, int lineNumber, int depth)
    {
        if (depth >= YamlDocumentReader.MaxDepth) throw GiveUp;
        switch (line[i])
        {
            case '"' or '\'':
            {
                var (text, end) = ReadQuoted(line, i);
                if (!IsBlankOrComment(line.AsSpan(end))) throw GiveUp;
                return new YScalar(lineNumber, text, quoted: true);
            }
            case '[' or '{':
            {
                var j = i;
                var node = ParseFlow(line, ref j, lineNumber, depth);
                if (!IsBlankOrComment(line.AsSpan(j))) throw GiveUp;
                return node;
            }
        }
        if (!CanStartPlain(line, i)) throw GiveUp;
        var end2 = line.Length;
        for (var j = i; j < line.Length; j++)
        {
            var c = line[j];
            if (c == '#' && line[j - 1] == ' ')
            {
                end2 = j;
                break;
            }
            if (c == ':' && (j + 1 == line.Length || line[j + 1] == ' ')) throw GiveUp;
        }
        var value = line.AsSpan(i, end2 - i).TrimEnd(' ');
        CheckPlain(value);
        return new YScalar(lineNumber, value.ToString(), quoted: false);
    }

    // A flow collection or scalar that ends on this line; j moves past it.
    private YNode ParseFlow(string line, ref int j, int lineNumber, int depth)
    {
        if (depth >= YamlDocumentReader.MaxDepth || j >= line.Length) throw GiveUp;
        var open = line[j];
        if (open is not ('[' or '{'))
        {
            var (scalar, end) = ReadFlowScalar(line, j, lineNumber);
            j = end;
            return scalar;
        }
        YNode node = open == '[' ? new YSeq(lineNumber) : new YMap(lineNumber);
        var close = open == '[' ? ']' : '}';
        long size = 1;
        j = SkipSpaces(line, j + 1);
        if (j < line.Length && line[j] == close)
        {
            j++;
            return node;
        }
        while (true)
        {
            if (node is YMap map)
            {
                var (key, afterKey) = ReadFlowScalar(line, j, lineNumber);
                if (afterKey + 1 >= line.Length || line[afterKey] != ':' || line[afterKey + 1] != ' ') throw GiveUp;
                if (key.Value == "<<" || map.Has(key.Value)) throw GiveUp;
                j = SkipSpaces(line, afterKey + 1);
                var value = ParseFlow(line, ref j, lineNumber, depth + 1);
                map.Add(Intern(key.Value), value);
                size += 1 + value.Size;
            }
            else
            {
                var item = ParseFlow(line, ref j, lineNumber, depth + 1);
                ((YSeq)node).Add(item);
                size += item.Size;
            }
            j = SkipSpaces(line, j);
            if (j >= line.Length) throw GiveUp;
            if (line[j] == close)
            {
                j++;
                node.Size = size;
                return node;
            }
            if (line[j] != ',') throw GiveUp;
            j = SkipSpaces(line, j + 1);
        }
    }

    // One scalar inside a flow collection: quoted, or plain without flow indicators or colons.
    private (YScalar Scalar, int End) ReadFlowScalar(string line, int j, int lineNumber)
    {
        if (j >= line.Length) throw GiveUp;
        if (line[j] is '"' or '\'')
        {
            var (text, end) = ReadQuoted(line, j);
            return (new YScalar(lineNumber, text, quoted: true), end);
        }
        if (!CanStartPlain(line, j)) throw GiveUp;
        var k = j;
        while (k < line.Length && line[k] is not (',' or '[' or ']' or '{' or '}' or ':' or '#')) k++;
        if (k < line.Length && line[k] is '[' or '{' or '#') throw GiveUp;
        var text2 = line.AsSpan(j, k - j).TrimEnd(' ');
        if (text2.Length == 0) throw GiveUp;
        CheckPlain(text2);
        return (new YScalar(lineNumber, text2.ToString(), quoted: false), j + text2.Length);
    }

    // A quoted scalar that closes on this line, with the index past its closing quote.
    private (string Text, int End) ReadQuoted(string line, int i)
    {
        var quote = line[i];
        _buffer.Clear();
        for (var j = i + 1; j < line.Length; j++)
        {
            var c = line[j];
            if (c == quote)
            {
                if (quote == '\'' && j + 1 < line.Length && line[j + 1] == '\'')
                {
                    _buffer.Append('\'');
                    j++;
                    continue;
                }
                return (_buffer.ToString(), j + 1);
            }
            if (c == '\\' && quote == '"')
            {
                if (++j == line.Length) throw GiveUp;
                _buffer.Append(line[j] switch
                {
                    '"' => '"',
                    '\\' => '\\',
                    '/' => '/',
                    'n' => '\n',
                    't' => '\t',
                    _ => throw GiveUp,
                });
                continue;
            }
            if (!IsPlainSafe(c)) throw GiveUp;
            _buffer.Append(c);
        }
        throw GiveUp; // continues on the next line
    }

    // A plain scalar may not start with an indicator (YAML 1.2 §7.3.3), except "-", "?" and ":" before a non-space.
    private static bool CanStartPlain(string line, int i)
    {
        var c = line[i];
        if (c is '-' or '?' or ':') return i + 1 < line.Length && line[i + 1] != ' ';
        return c is not (',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`');
    }

    private static void CheckPlain(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!IsPlainSafe(c)) throw GiveUp;
        }
    }

    // Printable characters the two readers agree on; controls, tabs, line separators and surrogates go to the full reader.
    private static bool IsPlainSafe(char c) =>
        c is >= ' ' and < '\x7f' || (c >= '\xa0' && c < '\ud800') || (c >= '\ue000' && c <= '\ufffd' && c != '\ufeff');

    private static int SkipSpaces(string line, int j)
    {
        while (j < line.Length && line[j] == ' ') j++;
        return j;
    }

    private static bool IsBlankOrComment(ReadOnlySpan<char> rest)
    {
        var trimmed = rest.TrimStart(' ');
        // A comment needs white space before it: "'a'#b" is an error, "a: 1 #b" is not.
        return trimmed.Length == 0 || (trimmed[0] == '#' && trimmed.Length < rest.Length);
    }
}
