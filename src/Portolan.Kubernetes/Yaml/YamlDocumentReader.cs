using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Portolan.Kubernetes.Yaml;

/// <summary>
/// Reads a stream of YAML (or JSON) documents one at a time with YamlDotNet's event parser, so a
/// large manifest set is never held whole. Trees are built without recursion; nesting depth and
/// alias expansion are bounded.
/// </summary>
public static class YamlDocumentReader
{
    public const int MaxDepth = 200;
    public const long MaxExpandedNodes = 2_000_000;

    public static IEnumerable<YamlDocument> Read(TextReader text, string file)
    {
        var scanner = new Scanner(text, skipComments: true);
        var parser = new Parser(scanner);
        while (Next(parser, scanner, file))
        {
            if (parser.Current is StreamStart or StreamEnd or DocumentEnd) continue;
            if (parser.Current is not DocumentStart start)
                throw new ManifestSyntaxException(file, Line(parser.Current!.Start), "unexpected YAML event");
            yield return ReadDocument(parser, scanner, file, Line(start.Start));
        }
    }

    /// <summary>The parser's next event; every way YamlDotNet rejects input becomes a located syntax error.</summary>
    private static bool Next(Parser parser, Scanner scanner, string file)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (YamlException e)
        {
            throw new ManifestSyntaxException(file, Line(e.Start), $"invalid YAML: {Clean(e.Message)}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws a bare InvalidOperationException, not a YamlException, for a plain
            // scalar inside [...] or {...} on a line indented less than the enclosing block, such as
            // "a: [x" followed by "b: c" (aaubry/YamlDotNet#541). Found by fuzzing (docs/fuzzing.md).
            throw Invalid(scanner, file, "a flow collection ([...] or {...}) is unclosed, or continues on a line indented less than its key");
        }
        catch (ArgumentException e)
        {
            // The scanner decodes "\uD800\u0041" and "\uDFFF\uD800" with char.ConvertToUtf32, which throws when the
            // two escapes are not a high then a low surrogate. Found by fuzzing (docs/fuzzing.md).
            throw Invalid(scanner, file, e is ArgumentOutOfRangeException { ParamName: "highSurrogate" or "lowSurrogate" }
                ? "a \\u escape is half of a UTF-16 surrogate pair, without its other half"
                : $"the YAML reader rejected the text here ({e.Message})");
        }
    }

    private static ManifestSyntaxException Invalid(Scanner scanner, string file, string problem) =>
        new(file, Line(scanner.CurrentPosition), $"invalid YAML: {problem}");

    private static int Line(Mark mark) => (int)Math.Max(1, mark.Line);

    private static string Clean(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 1, Idx: 10) - (…): "; the location is reported separately.
        var index = message.LastIndexOf("): ", StringComparison.Ordinal);
        return index >= 0 ? message[(index + 3)..] : message;
    }

    private static YamlDocument ReadDocument(Parser parser, Scanner scanner, string file, int line)
    {
        var anchors = new Dictionary<string, YNode>(StringComparer.Ordinal);
        var stack = new Stack<(YNode Node, string? PendingKey, string? Anchor)>();
        YNode? root = null;
        while (Next(parser, scanner, file))
        {
            var ev = parser.Current!;
            YNode? completed = null;
            string? anchor = null;
            switch (ev)
            {
                case DocumentEnd:
                    return new YamlDocument(file, line, root);
                case Scalar s:
                    completed = new YScalar(Line(s.Start), s.Value, s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted
                        || (s.Style is ScalarStyle.Literal or ScalarStyle.Folded));
                    anchor = s.Anchor.IsEmpty ? null : s.Anchor.Value;
                    break;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out completed))
                        throw new ManifestSyntaxException(file, Line(alias.Start), $"unknown alias *{alias.Value.Value}");
                    break;
                case MappingStart m:
                    Push(stack, new YMap(Line(m.Start)), m.Anchor.IsEmpty ? null : m.Anchor.Value, file);
                    continue;
                case SequenceStart q:
                    Push(stack, new YSeq(Line(q.Start)), q.Anchor.IsEmpty ? null : q.Anchor.Value, file);
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
