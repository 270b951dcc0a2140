namespace Portolan.Tests.Fuzz;

/// <summary>Damage below the text: encodings, byte order marks, control bytes and flipped bits.</summary>
public static class ByteMutations
{
    private static readonly byte[][] InvalidUtf8 =
    [
        [0xC3, 0x28], [0xFF], [0xFE], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xBF], [0xE2, 0x82], [0xF0, 0x9F], [0xC2],
    ];

    private static readonly byte[][] Boms =
    [
        [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0x00, 0x00], [0x00, 0x00, 0xFE, 0xFF], [0x2B, 0x2F, 0x76],
    ];

    public static readonly Mutation InvalidUtf8Bytes = new("invalid-utf8", (text, random) =>
    {
        var bytes = InvalidUtf8[random.Next(InvalidUtf8.Length)];
        var at = random.Next(2) == 0 && TextLines.PickValue(text, random) is { } kv ? kv.Value : random.Next(text.Length + 1);
        return text.Insert(at, Mutation.FromBytes(bytes));
    });

    public static readonly Mutation ByteOrderMark = new("bom", (text, random) =>
    {
        var bom = Mutation.FromBytes(Boms[random.Next(Boms.Length)]);
        // Mostly at the start, where readers honour it; sometimes twice or mid-stream, where they must not.
        return random.Next(4) switch
        {
            0 => bom + bom + text,
            1 => text.Insert(random.Next(text.Length + 1), bom),
            _ => bom + text,
        };
    });

    public static readonly Mutation Nul = new("nul", (text, random) =>
    {
        var count = random.Next(3) == 0 ? random.Next(2, 64) : 1;
        return text.Insert(random.Next(text.Length + 1), new string('\0', count));
    });

    public static readonly Mutation ControlCharacters = new("control", (text, random) =>
        text.Insert(random.Next(text.Length + 1), ((char)random.Next(0x01, 0x20)).ToString()));

    public static readonly Mutation ByteFlips = new("byte-flip", (text, random) =>
    {
        if (text.Length == 0) return text;
        var chars = text.ToCharArray();
        var flips = random.Next(1, 9);
        for (int i = 0; i < flips; i++)
        {
            var at = random.Next(chars.Length);
            chars[at] = (char)(random.Next(2) == 0 ? chars[at] ^ (1 << random.Next(8)) : random.Next(256));
        }
        return new string(chars);
    });
}
