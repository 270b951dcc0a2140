using System.Text;

namespace Portolan.Cli;

/// <summary>A write-only stream that decodes UTF-8 into a TextWriter, so JSON writers can stream to injected writers.</summary>
public sealed class Utf8TextWriterStream(TextWriter writer) : Stream
{
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
        var needed = _decoder.GetCharCount(buffer, flush: false);
        if (needed > _chars.Length) _chars = new char[Math.Max(needed, _chars.Length * 2)];
        var written = _decoder.GetChars(buffer, _chars, flush: false);
        writer.Write(_chars, 0, written);
    }

    public override void Flush() => writer.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
