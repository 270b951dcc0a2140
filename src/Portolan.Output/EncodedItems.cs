namespace Portolan.Output;

/// <summary>
/// The UTF-8 bytes of each item of a list, encoded on first use and kept: writers of pairs print the
/// same few peers and connection sets over and over. The list may grow while it is used.
/// </summary>
public sealed class EncodedItems<T>(IReadOnlyList<T> items, Func<T, byte[]> encode)
{
    private byte[]?[] _bytes = new byte[]?[items.Count];

    public byte[] this[int index]
    {
        get
        {
            if (index >= _bytes.Length) Array.Resize(ref _bytes, Math.Max(items.Count, index + 1));
            return _bytes[index] ??= encode(items[index]);
        }
    }
}
