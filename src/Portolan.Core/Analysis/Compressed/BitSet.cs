using System.Numerics;

namespace Portolan.Core.Analysis.Compressed;

/// <summary>A fixed-length mutable bit set over endpoint indices; the hot-path value of the compressed engine.</summary>
public sealed class BitSet
{
    private readonly ulong[] _words;

    public BitSet(int length)
    {
        Length = length;
        _words = new ulong[(length + 63) >> 6];
    }

    public int Length { get; }

    public Span<ulong> Words => _words;

    public bool this[int index]
    {
        get => (_words[index >> 6] & (1UL << (index & 63))) != 0;
        set
        {
            if (value) _words[index >> 6] |= 1UL << (index & 63);
            else _words[index >> 6] &= ~(1UL << (index & 63));
        }
    }

    public static BitSet Full(int length)
    {
        var set = new BitSet(length);
        set.SetAll();
        return set;
    }

    public void SetAll()
    {
        Array.Fill(_words, ulong.MaxValue);
        var extra = _words.Length * 64 - Length;
        if (extra > 0) _words[^1] >>= extra;
    }

    public void Clear() => Array.Clear(_words);

    public BitSet Clone()
    {
        var copy = new BitSet(Length);
        _words.CopyTo(copy._words, 0);
        return copy;
    }

    public void CopyFrom(BitSet other) => other._words.CopyTo(_words, 0);

    public void Or(BitSet other)
    {
        var a = _words; var b = other._words;
        for (int i = 0; i < a.Length; i++) a[i] |= b[i];
    }

    /// <summary>this |= other, for the bits from <paramref name="start"/> on.</summary>
    public void OrFrom(BitSet other, int start)
    {
        var a = _words; var b = other._words;
        var first = start / 64;
        if (first >= a.Length) return;
        a[first] |= b[first] & (ulong.MaxValue << (start % 64));
        for (int i = first + 1; i < a.Length; i++) a[i] |= b[i];
    }

    public void And(BitSet other)
    {
        var a = _words; var b = other._words;
        for (int i = 0; i < a.Length; i++) a[i] &= b[i];
    }

    public void AndNot(BitSet other)
    {
        var a = _words; var b = other._words;
        for (int i = 0; i < a.Length; i++) a[i] &= ~b[i];
    }

    /// <summary>this |= (x &amp; y), without a temporary.</summary>
    public void OrAnd(BitSet x, BitSet y)
    {
        var a = _words; var b = x._words; var c = y._words;
        for (int i = 0; i < a.Length; i++) a[i] |= b[i] & c[i];
    }

    public bool IsEmpty
    {
        get
        {
            foreach (var w in _words) if (w != 0) return false;
            return true;
        }
    }

    public int PopCount()
    {
        int count = 0;
        foreach (var w in _words) count += BitOperations.PopCount(w);
        return count;
    }

    public bool SetEquals(BitSet other) => _words.AsSpan().SequenceEqual(other._words);

    public IEnumerable<int> Indices()
    {
        for (int i = 0; i < _words.Length; i++)
        {
            var w = _words[i];
            while (w != 0)
            {
                yield return (i << 6) + BitOperations.TrailingZeroCount(w);
                w &= w - 1;
            }
        }
    }
}
