using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Portolan.Kubernetes.Yaml;

/// <summary>
/// Reads a stream of YAML (or JSON) documents one at a time with YamlDotNet's event parser, so a
/// large YAML manifest set is never held whole. JSON files and stdin are read whole and cut into
/// values first (<see cref="JsonStream"/>). Trees are built without recursion; nesting depth and
/// alias expansion are bounded.
/// </summary>
public static class YamlDocumentReader
{
    public const int MaxDepth = 200;
    public const long MaxExpandedNodes = 2_000_000;

    /// <param name="fast">Read block-style documents with <see cref="BlockYamlParser"/> (YamlDotNet reads the rest);
    /// false reads everything with YamlDotNet, for the differential test.</param>
    public static IEnumerable<YamlDocument> Read(TextReader text, string file, bool fast = true)
    {
        var json = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || file == ManifestLoader.StdinName;
        if (json) return ReadJsonStream(text.ReadToEnd(), file, fast);
        return fast ? ReadYaml(text, file, 0) : ReadStream(text, file, 0);
    }

    private static IEnumerable<YamlDocument> ReadJsonStream(string text, string file, bool fast)
    {
        foreach (var chunk in JsonStream.Split(text))
        {
            var reader = new StringReader(text.Substring(chunk.Start, chunk.Length));
            var yaml = fast && text[chunk.Start] is not ('{' or '[');
            foreach (var document in yaml ? ReadYaml(reader, file, chunk.LineOffset) : ReadStream(reader, file, chunk.LineOffset))
                yield return document;
        }
    }

    // Documents the block reader understands are read by it; the others, one document at a time, by YamlDotNet.
    // When YamlDotNet finds an error in a document, it reads again from that document to the end of the stream,
    // so the error is reported exactly as a whole-stream read reports it.
    private static IEnumerable<YamlDocument> ReadYaml(TextReader text, string file, int lineOffset)
    {
        var parser = new BlockYamlParser();
        var chunker = new DocumentChunker(text);
        foreach (var chunk in chunker.Chunks())
        {
            var document = chunk.Rest ? null : parser.TryParse(chunk.Lines, chunk.FirstLine + lineOffset, file);
            if (document is not null)
            {
                yield return document;
                continue;
            }
            var offset = chunk.FirstLine - 1 + lineOffset;
            var read = 0;
            var failed = false;
            using (var slow = ReadStream(new StringReader(chunk.Text()), file, offset).GetEnumerator())
            {
                while (true)
                {
                    try
                    {
                        if (!slow.MoveNext()) break;
                    }
                    catch (ManifestSyntaxException)
                    {
                        failed = true;
                        break;
                    }
                    read++;
                    yield return slow.Current;
                }
            }
            if (!failed) continue;
            foreach (var again in ReadStream(new StringReader(chunk.Text() + chunker.ReadRest()), file, offset).Skip(read))
                yield return again;
            yield break;
        }
    }

    // lineOffset: lines of the file before this text, when it is one value cut from a JSON stream.
    private static IEnumerable<YamlDocument> ReadStream(TextReader text, string file, int lineOffset)
    {
        var tracking = new LineTrackingReader(text);
        var scanner = new Scanner(tracking, skipComments: true);
        var parser = new Parser(scanner);
        while (true)
        {
            YamlDocument? document;
            try
            {
                if (!parser.MoveNext()) yield break;
                if (parser.Current is StreamStart or StreamEnd or DocumentEnd) continue;
                if (parser.Current is not DocumentStart start)
                    throw new ManifestSyntaxException(file, Line(parser.Current!.Start, lineOffset), "unexpected YAML event");
                document = ReadDocument(parser, file, Line(start.Start, lineOffset), lineOffset);
            }
            catch (YamlException e)
            {
                throw new ManifestSyntaxException(file, ErrorLine(e, scanner, tracking) + lineOffset, $"invalid {Language(file)}: {Clean(e.Message)}");
            }
            catch (ArgumentOutOfRangeException e) when (e.ParamName is "highSurrogate" or "lowSurrogate")
            {
                // The scanner decodes "\uD800\u0041" with char.ConvertToUtf32, which throws when the two escapes
                // are not a high then a low surrogate. Found by fuzzing (docs/fuzzing.md).
                throw new ManifestSyntaxException(file, Line(scanner.CurrentPosition, lineOffset),
                    $"invalid {Language(file)}: a \\u escape is half of a UTF-16 surrogate pair, without its other half");
            }
            catch (ArgumentException e) when (e.Source == "YamlDotNet" || e.Source == "System.Private.CoreLib")
            {
                throw new ManifestSyntaxException(file, Line(scanner.CurrentPosition, lineOffset),
                    $"invalid {Language(file)}: the YAML reader rejected the text here ({e.Message})");
            }
            catch (InvalidOperationException)
            {
                // YamlDotNet 18.1 throws this (not a YamlException) on a plain scalar at column 1 inside an
                // unclosed flow collection, e.g. "metadata: {name: a" followed by "spec: {}".
                throw new ManifestSyntaxException(file, Line(scanner.CurrentPosition, lineOffset),
                    $"invalid {Language(file)}: a flow collection ([...] or {{...}}) is unclosed, or continues on a line indented less than its key");
            }
            yield return document;
        }
    }

    private static int Line(Mark mark, int lineOffset = 0) => (int)Math.Max(1, mark.Line) + lineOffset;

    // JSON is read as YAML (a superset), but a .json file's author should hear about JSON.
    private static string Language(string file) => file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "JSON" : "YAML";

    private static int ErrorLine(YamlException e, Scanner scanner, LineTrackingReader tracking)
    {
        // A tab used as indentation is reported at the start of the enclosing mapping; the scanner is on the tab's line.
        if (e.Message.Contains("tab", StringComparison.Ordinal)) return Line(scanner.CurrentPosition);
        // "did not find expected ']'" and the like are reported at the end of the stream, past the last line.
        return Math.Min(Line(e.Start), tracking.LastContentLine);
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 1, Idx: 10) - (…): "; the location is reported separately.
        var index = message.LastIndexOf("): ", StringComparison.Ordinal);
        var text = (index >= 0 ? message[(index + 3)..] : message).Replace("  ", " ", StringComparison.Ordinal).TrimEnd('.');
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    private static YamlDocument ReadDocument(Parser parser, string file, int line, int lineOffset)
    {
        var anchors = new Dictionary<string, YNode>(StringComparer.Ordinal);
        var stack = new Stack<(YNode Node, string? PendingKey, string? Anchor)>();
        YNode? root = null;
        while (parser.MoveNext())
        {
            var ev = parser.Current!;
            YNode? completed = null;
            string? anchor = null;
            switch (ev)
            {
                case DocumentEnd:
                    return new YamlDocument(file, line, root);
                case Scalar s:
                    completed = new YScalar(Line(s.Start, lineOffset), s.Value, s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted
                        || (s.Style is ScalarStyle.Literal or ScalarStyle.Folded));
                    anchor = s.Anchor.IsEmpty ? null : s.Anchor.Value;
                    break;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out completed))
                        throw new ManifestSyntaxException(file, Line(alias.Start, lineOffset), $"unknown alias *{alias.Value.Value}");
                    break;
                case MappingStart m:
                    Push(stack, new YMap(Line(m.Start, lineOffset)), m.Anchor.IsEmpty ? null : m.Anchor.Value, file);
                    continue;
                case SequenceStart q:
                    Push(stack, new YSeq(Line(q.Start, lineOffset)), q.Anchor.IsEmpty ? null : q.Anchor.Value, file);
                    continue;
                case MappingEnd or SequenceEnd:
                    var top = stack.Pop();
                    completed = top.Node;
                    anchor = top.Anchor;
                    break;
                default:
                    continue;
            }
            if (anchor is not null) anchors[anchor] = completed!;
            if (stack.Count == 0)
            {
                root = completed;
                continue;
            }
            Attach(stack, completed!, file);
        }
        return new YamlDocument(file, line, root);
    }

    private static void Push(Stack<(YNode Node, string? PendingKey, string? Anchor)> stack, YNode node, string? anchor, string file)
    {
        if (stack.Count >= MaxDepth)
            throw new ManifestSyntaxException(file, node.Line, $"nesting deeper than {MaxDepth} levels");
        stack.Push((node, null, anchor));
    }

    private static void Attach(Stack<(YNode Node, string? PendingKey, string? Anchor)> stack, YNode child, string file)
    {
        var (parent, pendingKey, anchor) = stack.Pop();
        parent.Size = Math.Min(MaxExpandedNodes + 1, parent.Size + child.Size);
        if (parent.Size > MaxExpandedNodes)
            throw new ManifestSyntaxException(file, parent.Line, $"document expands to more than {MaxExpandedNodes:N0} nodes (alias expansion)");
        switch (parent)
        {
            case YSeq seq:
                seq.Add(child);
                stack.Push((parent, null, anchor));
                return;
            case YMap map when pendingKey is null:
                if (child is not YScalar key)
                    throw new ManifestSyntaxException(file, child.Line, "a mapping key must be a scalar");
                if (map.Has(key.Value) && key.Value != "<<")
                    throw new ManifestSyntaxException(file, child.Line, $"key \"{key.Value}\" already defined at line {map[key.Value]!.Line}");
                stack.Push((parent, key.Value, anchor));
                return;
            case YMap map:
                if (pendingKey == "<<") Merge(map, child, file);
                else map.Add(pendingKey, child);
                stack.Push((parent, null, anchor));
                return;
        }
    }

    // YAML merge keys, as Kubernetes' YAML reader supports them: keys already present win.
    private static void Merge(YMap target, YNode source, string file)
    {
        var sources = source switch
        {
            YMap m => [m],
            YSeq s when s.Items.All(i => i is YMap) => s.Items.Cast<YMap>().ToList(),
            _ => throw new ManifestSyntaxException(file, source.Line, "a merge key (<<) needs a mapping or a list of mappings"),
        };
        foreach (var map in sources)
        {
            foreach (var (key, value) in map.Entries)
            {
                if (!target.Has(key)) target.Add(key, value);
            }
        }
    }
}
