using System.Text;

namespace Portolan.Cli;

/// <summary>
/// A write-only stream of UTF-8 into a TextWriter, so byte writers (JSON, pair lists) can stream to
/// injected writers. When the writer is a UTF-8 <see cref="StreamWriter"/> (the process's stdout), the
/// bytes go straight to its stream once what the writer holds is flushed: no decoding and re-encoding.
/// </summary>
public sealed class Utf8TextWriterStream(TextWriter writer) : Stream
{
    private readonly Stream? _direct = writer is StreamWriter { Encoding.CodePage: 65001 } utf8 ? utf8.BaseStream : null;
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
    private char[] _chars = new char[4096];

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_direct is not null)
        {
            writer.Flush();
            _direct.Write(buffer);
            return;
        }
        var needed = _decoder.GetCharCount(buffer, flush: false);
        if (needed > _chars.Length) _chars = new char[Math.Max(needed, _chars.Length * 2)];
        var written = _decoder.GetChars(buffer, _chars, flush: false);
        writer.Write(_chars, 0, written);
    }

    public override void Flush()
    {
        writer.Flush();
        _direct?.Flush();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
