using System.Text;
using Portolan.Cli;

namespace Portolan.Tests.Cli;

/// <summary>Bytes written through the stream land in order with the writer's own text, on either path.</summary>
public sealed class Utf8TextWriterStreamTests
{
    [Fact]
    public void Bytes_go_straight_to_a_utf8_stream_writers_stream_in_order_with_its_text()
    {
        var file = new MemoryStream();
        var writer = new StreamWriter(file, new UTF8Encoding(false), 1 << 16);
        writer.Write("text before ");
        using (var stream = new Utf8TextWriterStream(writer))
        {
            stream.Write("bytes: é→"u8);
            writer.Write(" more text ");
            stream.Write("more bytes"u8);
            stream.Flush();
        }
        writer.Write(" after");
        writer.Flush();
        Assert.Equal("text before bytes: é→ more text more bytes after", Encoding.UTF8.GetString(file.ToArray()));
    }

    [Fact]
    public void Bytes_are_decoded_into_other_writers_even_when_a_character_is_split_between_writes()
    {
        var writer = new StringWriter();
        var bytes = "a→b"u8.ToArray();
        using (var stream = new Utf8TextWriterStream(writer))
        {
            stream.Write(bytes, 0, 2);
            stream.Write(bytes, 2, bytes.Length - 2);
        }
        Assert.Equal("a→b", writer.ToString());
    }
}
