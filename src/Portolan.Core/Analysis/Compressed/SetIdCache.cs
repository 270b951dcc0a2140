namespace Portolan.Core.Analysis.Compressed;

/// <summary>
/// Atom masks (at most 64 atoms, as bits) to connection set indexes: a small direct-mapped table in
/// front of a dictionary, since a report has few distinct masks and looks one up per pair.
/// </summary>
internal sealed class SetIdCache
{
    private const int Slots = 256;
    private readonly ulong[] _masks = new ulong[Slots]; // 0 is never a key: an empty mask has no set
    private readonly int[] _ids = new int[Slots];
    private readonly Dictionary<ulong, int> _all = [];

    public bool TryGet(ulong mask, out int id)
    {
        var slot = Slot(mask);
        if (_masks[slot] == mask)
        {
            id = _ids[slot];
            return true;
        }
        if (!_all.TryGetValue(mask, out id)) return false;
        _masks[slot] = mask;
        _ids[slot] = id;
        return true;
    }

    public void Add(ulong mask, int id)
    {
        _all[mask] = id;
        var slot = Slot(mask);
        _masks[slot] = mask;
        _ids[slot] = id;
    }

    private static int Slot(ulong mask) => (int)((mask * 0x9E3779B97F4A7C15UL) >> 56);
}
