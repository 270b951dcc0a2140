namespace Portolan.Kubernetes.Yaml;

/// <summary>
/// A node of one YAML/JSON document with the line it starts on. Size counts nodes after alias
/// expansion, so an alias bomb is caught before anything walks it.
/// </summary>
public abstract class YNode(int line)
{
    public int Line { get; } = line;

    public long Size { get; internal set; } = 1;

    public abstract string TypeName { get; }
}

public sealed class YScalar(int line, string value, bool quoted) : YNode(line)
{
    public string Value { get; } = value;

    /// <summary>Quoted scalars are always strings: <c>port: "80"</c> is a string (semantics §3.7).</summary>
    public bool Quoted { get; } = quoted;

    public bool IsNull => !Quoted && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string TypeName => IsNull ? "null" : Quoted ? "string" : "scalar";
}

public sealed class YMap(int line) : YNode(line)
{
    // Past a few keys, lookups go through an index: the reader checks every new key for a duplicate, and a
    // linear scan made a 60,000-key mapping (a 1 MB file) take 50 s to read. Found by fuzzing (docs/fuzzing.md).
    private const int IndexFrom = 8;

    private readonly List<KeyValuePair<string, YNode>> _entries = [];
    private Dictionary<string, YNode>? _index;

    public IReadOnlyList<KeyValuePair<string, YNode>> Entries => _entries;

    public override string TypeName => "object";

    public YNode? this[string key]
    {
        get
        {
            if (_index is not null) return _index.GetValueOrDefault(key);
            foreach (var entry in _entries)
            {
                if (string.Equals(entry.Key, key, StringComparison.Ordinal)) return entry.Value;
            }
            return null;
        }
    }

    public bool Has(string key) => this[key] is not null;

    internal void Add(string key, YNode value)
    {
        _entries.Add(new(key, value));
        if (_index is not null) _index.TryAdd(key, value);
        else if (_entries.Count > IndexFrom)
        {
            _index = new Dictionary<string, YNode>(StringComparer.Ordinal);
            foreach (var (k, v) in _entries) _index.TryAdd(k, v);
        }
    }
}

public sealed class YSeq(int line) : YNode(line)
{
    private readonly List<YNode> _items = [];

    public IReadOnlyList<YNode> Items => _items;

    public override string TypeName => "list";

    internal void Add(YNode item) => _items.Add(item);
}
