namespace Portolan.Kubernetes.Yaml;

/// <summary>
/// Passes text through and remembers the line of the last non-blank character read, so an error
/// YamlDotNet reports at the end of the stream (past the last line) can name the last real line.
/// </summary>
public sealed class LineTrackingReader(TextReader inner) : TextReader
{
    private int _line = 1;

    public int LastContentLine { get; private set; } = 1;

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        var c = inner.Read();
        if (c >= 0) Track((char)c);
        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var n = inner.Read(buffer);
        foreach (var c in buffer[..Math.Max(0, n)]) Track(c);
        return n;
    }

    private void Track(char c)
    {
        if (c == '\n') _line++;
        else if (!char.IsWhiteSpace(c)) LastContentLine = _line;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
