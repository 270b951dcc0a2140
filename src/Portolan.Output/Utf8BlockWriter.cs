using System.Runtime.CompilerServices;

namespace Portolan.Output;

/// <summary>
/// Gathers bytes (text already encoded as UTF-8) into 64 KiB blocks written to a stream, for writers
/// that put out many short pieces: one copy per piece, no text formatting or encoding on the way.
/// </summary>
public sealed class Utf8BlockWriter(Stream output)
{
    private readonly byte[] _block = new byte[64 * 1024];
    private int _used;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _block.Length - _used)
        {
            Flush();
            if (bytes.Length > _block.Length)
            {
                output.Write(bytes);
                return;
            }
        }
        bytes.CopyTo(_block.AsSpan(_used));
        _used += bytes.Length;
    }

    /// <summary>Writes what is gathered to the stream (and flushes it).</summary>
    public void Flush()
    {
        output.Write(_block, 0, _used);
        _used = 0;
        output.Flush();
    }
}
