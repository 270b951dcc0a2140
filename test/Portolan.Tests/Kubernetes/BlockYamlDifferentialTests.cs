using System.Text;
using Portolan.Kubernetes.Generation;
using Portolan.Kubernetes.Yaml;
using Portolan.Tests.Fuzz;
using Portolan.Tests.Support;

namespace Portolan.Tests.Kubernetes;

/// <summary>
/// The fast block-style reader and YamlDotNet must read every input the same: the same documents,
/// trees, lines, quoting and sizes, or the same error at the same line. Inputs: the corpus, the
/// example, generated clusters, hand-written edge cases, and fuzz mutations of all of them.
/// </summary>
public sealed class BlockYamlDifferentialTests
{
    [Fact]
    public void CorpusAndExampleReadTheSame()
    {
        foreach (var seed in SeedInputs.All) AssertSame(seed.Name, Decode(seed.Bytes));
    }

    [Fact]
    public void GeneratedClusterReadsTheSameAndTheFastReaderTakesItAll()
    {
        using var directory = new TempDirectory();
        new ClusterGenerator(new GeneratorOptions(4, 30, 10, 7)).WriteTo(directory.Path);
        var documents = 0;
        foreach (var file in Directory.EnumerateFiles(directory.Path).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            AssertSame(Path.GetFileName(file), text);
            var (taken, total) = FastShare(text);
            Assert.Equal(total, taken);
            documents += total;
        }
        Assert.True(documents > 100, $"the generated cluster has {documents} documents");
    }

    [Fact]
    public void TheFastReaderTakesMostCorpusDocuments()
    {
        int taken = 0, total = 0;
        foreach (var seed in SeedInputs.All.Where(s => !s.Name.EndsWith(".json", StringComparison.Ordinal)))
        {
            var (t, n) = FastShare(Decode(seed.Bytes));
            taken += t;
            total += n;
        }
        // The corpus is block-style YAML; what the fast reader leaves is flow style, empty values and the like.
        Assert.True(taken * 10 >= total * 9, $"fast reader took {taken} of {total} documents");
    }

    public static TheoryData<string> EdgeCases() =>
    [
        "a: 1\n",
        "a: 1\r\nb: 2\r\n",
        "# only a comment\n",
        "",
        "---\n",
        "---\na: 1\n---\nb: 2\n",
        "a: 1\n---\n",
        "--- # comment\na: 1\n",
        "---\n# c\n---\na: 1\n",
        "--- {a: 1}\n",
        "%YAML 1.2\n---\na: 1\n",
        "a: 1\n...\n---\nb: 2\n",
        "\n\n  a: 1\n  b: 2\n",
        "a:\n  b: 1\n c: 2\n",
        "a:\n  b: 1\n    c: 2\n",
        "a:\n- 1\n- 2\nb: 3\n",
        "a:\n  - x: 1\n    y: 2\n  - - 3\n    - 4\n  -\n    z: 5\n",
        "a: - 1\n",
        "a: b: c\n",
        "a: b:\n",
        "a:b\n",
        "a: 'it''s'\nb: \"q\\\"x\\\\y\\n\"\nc: \"\\u00e9\"\n",
        "'a b': 1\n\"c\": 2\n",
        "a: 'x'#c\n",
        "a: 'x' # c\nb: y # c\nc: y#c\n",
        "a: [1, 'b', \"c\", d e]\nb: []\nc: {}\nd: {x: 1, 'y': \"2\"}\ne: [ ]\n",
        "a: [1, [2]]\n",
        "a: [1,\n  2]\n",
        "a: {x: {y: 1}}\n",
        "a: [a: 1]\n",
        "a: [1,,2]\n",
        "a:\nb: 1\n",
        "a:   \nb: 1\n",
        "a:\n",
        "- a\n- b\n",
        "scalar\n",
        "a: multi\n  line\n",
        "a: |\n  text\n",
        "a: >\n  text\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: 1\na: 2\n",
        "<<: {a: 1}\n",
        "a:\tb\n",
        "a:\n\t- b\n",
        "? a\n: b\n",
        "a: -1\nb: -x\nc: :x\nd: ?x\ne: http://x:80/y\n",
        "a: @x\n",
        "a: `x`\n",
        "a: 'unclosed\n",
        "a: \"unclosed\n  more\"\n",
        "a: null\nb: ~\nc: \"null\"\n",
        "a: \u00e9\u4e2d\ud83d\ude00\n",
        "a: x\u0085y\n",
        "a: 1\n  # indented comment\nb: 2\n",
        "a:\n  # comment\n  b: 1\n",
        "- - - a\n",
        "a: b #c: d\n",
        "a # b: c\n",
        "list:\n- a\n -b\n",
        "k: v\n---\n- 1\n---\nplain\n",
        "kind: List\nitems:\n- kind: Pod\n  metadata: {name: p}\n",
        "a: {x: [1, {y: z}], w: []}\nb: [{}, [], [[a]]]\nc:\n- {name: x, port: 80}\n- [1, 2]\n",
        "a: {x: }\n",
        "a: {x: 1,}\n",
        "a: [1, 2,]\n",
        "a: {x: 1} trailing\n",
        "a: {x:1}\n",
        "a: {'x': \"y\"}\n",
        "a:\n  b:\n  c: 1\nd:\n",
        "- a:\n  b: 1\n",
        "a:\n  -\n  - 1\n",
    ];

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void EdgeCasesReadTheSame(string text) => AssertSame("edge.yaml", text);

    [Fact]
    public void DeepNestingReadsTheSame()
    {
        foreach (var depth in new[] { 150, 199, 200, 201, 260 })
        {
            var text = new StringBuilder();
            for (int i = 0; i < depth; i++) text.Append(' ', i).Append("k:\n");
            text.Append(' ', depth).Append("v: 1\n");
            AssertSame($"deep-{depth}.yaml", text.ToString());
            AssertSame($"deep-seq-{depth}.yaml", string.Concat(Enumerable.Range(0, depth).Select(i => new string(' ', 2 * i) + "- \n")) + new string(' ', 2 * depth) + "x: 1\n");
        }
    }

    [Fact]
    public void FuzzMutationsReadTheSame()
    {
        for (long i = 0; i < 500; i++)
        {
            var mutated = Mutator.Create(20261127, i, SeedInputs.All);
            if (mutated.SeedName.EndsWith(".json", StringComparison.Ordinal)) continue;
            AssertSame($"case-{i}.yaml", Decode(mutated.Bytes), mutated.Describe());
        }
    }

    private static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static (int Taken, int Total) FastShare(string text)
    {
        var parser = new BlockYamlParser();
        int taken = 0, total = 0;
        foreach (var chunk in new DocumentChunker(new StringReader(text)).Chunks())
        {
            if (chunk.Lines.All(l => l.TrimStart().Length == 0 || l.TrimStart().StartsWith('#') || DocumentChunker.IsDocumentStart(l))) continue;
            total++;
            if (!chunk.Rest && parser.TryParse(chunk.Lines, chunk.FirstLine, "f") is not null) taken++;
        }
        return (taken, total);
    }

    private static void AssertSame(string file, string text, string? context = null)
    {
        var slow = ReadAll(text, file, fast: false);
        var fast = ReadAll(text, file, fast: true);
        var where = $"{file}{(context is null ? "" : $" ({context})")}";
        Assert.True(slow.Error == fast.Error, $"{where}: YamlDotNet: {slow.Error ?? "no error"}; fast: {fast.Error ?? "no error"}");
        Assert.True(slow.Documents.Count == fast.Documents.Count, $"{where}: {slow.Documents.Count} documents vs {fast.Documents.Count}");
        for (int i = 0; i < slow.Documents.Count; i++)
        {
            var (a, b) = (slow.Documents[i], fast.Documents[i]);
            Assert.True(a.Line == b.Line, $"{where}: document {i} at line {a.Line} vs {b.Line}");
            var difference = Difference(a.Root, b.Root, "$");
            Assert.True(difference is null, $"{where}: document {i}: {difference}");
        }
    }

    private static (List<YamlDocument> Documents, string? Error) ReadAll(string text, string file, bool fast)
    {
        var documents = new List<YamlDocument>();
        try
        {
            foreach (var document in YamlDocumentReader.Read(new StringReader(text), file, fast)) documents.Add(document);
            return (documents, null);
        }
        catch (ManifestSyntaxException e)
        {
            return (documents, $"{e.File}:{e.Line}: {e.Message}");
        }
    }

    private static string? Difference(YNode? a, YNode? b, string path)
    {
        if (a is null || b is null) return a == b ? null : $"{path}: {a?.TypeName ?? "none"} vs {b?.TypeName ?? "none"}";
        if (a.GetType() != b.GetType()) return $"{path}: {a.GetType().Name} vs {b.GetType().Name}";
        if (a.Line != b.Line) return $"{path}: line {a.Line} vs {b.Line}";
        if (a.Size != b.Size) return $"{path}: size {a.Size} vs {b.Size}";
        switch (a, b)
        {
            case (YScalar x, YScalar y):
                return x.Value == y.Value && x.Quoted == y.Quoted ? null : $"{path}: '{x.Value}' ({x.Quoted}) vs '{y.Value}' ({y.Quoted})";
            case (YSeq x, YSeq y):
                if (x.Items.Count != y.Items.Count) return $"{path}: {x.Items.Count} items vs {y.Items.Count}";
                for (int i = 0; i < x.Items.Count; i++)
                {
                    if (Difference(x.Items[i], y.Items[i], $"{path}[{i}]") is { } d) return d;
                }
                return null;
            case (YMap x, YMap y):
                if (x.Entries.Count != y.Entries.Count) return $"{path}: {x.Entries.Count} keys vs {y.Entries.Count}";
                for (int i = 0; i < x.Entries.Count; i++)
                {
                    if (x.Entries[i].Key != y.Entries[i].Key) return $"{path}: key '{x.Entries[i].Key}' vs '{y.Entries[i].Key}'";
                    if (Difference(x.Entries[i].Value, y.Entries[i].Value, $"{path}.{x.Entries[i].Key}") is { } d) return d;
                }
                return null;
            default:
                return $"{path}: unexpected node types";
        }
    }
}
