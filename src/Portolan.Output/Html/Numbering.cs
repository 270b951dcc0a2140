namespace Portolan.Output.Html;

/// <summary>Numbers distinct items in order of first use, so the page writes each once and refers to it by number.</summary>
internal sealed class Numbering<T>(IEqualityComparer<T>? comparer = null)
    where T : notnull
{
    private readonly Dictionary<T, int> _ids = new(comparer);
    private readonly List<T> _items = [];

    public IReadOnlyList<T> Items => _items;

    public int Id(T item)
    {
        if (_ids.TryGetValue(item, out var id)) return id;
        _ids[item] = _items.Count;
        _items.Add(item);
        return _items.Count - 1;
    }
}
