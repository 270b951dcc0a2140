namespace Portolan.Tests.Fuzz;

/// <summary>A value replaced by one of the wrong type or out of range: the loader's type checks.</summary>
public static class ScalarMutations
{
    private static readonly string[] Replacements =
    [
        "[a, b]", "{a: b}", "[]", "{}", "[[]]", "{a: {b: c}}",
        "99999999999999999999", "-99999999999999999999", "2147483648", "-2147483649", "4294967296",
        "-1", "0", "65536", "1e400", "-1e400", "3.14", "-0.0", "1_000", "0x50", "0o17", "+80", ".inf", "-.inf", ".nan",
        "\"\"", "''", "null", "~", "Null", "true", "false", "yes", "no", "on",
        "\"80\"", "'8080'", "\"\\uD800\"", "\"\\uDFFF\\uD800\"", "\"\\x00\"", "\"\\0\"", "\"\\U0010FFFF\"", "\"\\e\\a\"",
        "!!binary aGVsbG8=", "!!int abc", "!!float x", "!!map [1]", "!!seq {a: b}", "!!str 1", "!custom 5", "!<tag:x> y",
        "&anchor value", "*undefined", "|\n  literal\n", ">-\n  folded\n", "- a\n- b", "? complex\n: key",
        "a: b: c", "@reserved", "`backtick", "%directive", "'unterminated", "\"unterminated", "[unclosed", "{unclosed",
        "0.0.0.0/0", "::/0", "256.1.1.1/33", "10.0.0.0/8 ", "fe80::1%eth0/64", "1.2.3.4/-1", "10.0.0.0/0x8",
        "In", "NotIn", "Exists", "DoesNotExist", "Ingress", "Egress", "TCP", "SCTP", "ICMP", "tcp",
    ];

    public static readonly Mutation WrongType = new("wrong-type", (text, random) =>
    {
        if (TextLines.PickValue(text, random) is not { } kv) return text;
        var end = TextLines.ValueEnd(text, kv);
        var value = random.Next(8) == 0 ? LongString(random) : Replacements[random.Next(Replacements.Length)];
        return string.Concat(text.AsSpan(0, kv.Value), Mutation.Raw(value), text.AsSpan(end));
    });

    /// <summary>Values up to a few megabytes: plain, quoted, or a label-shaped run of name characters.</summary>
    public static string LongString(Random random)
    {
        var length = random.Next(4) == 0 ? random.Next(100_000, 2_000_000) : random.Next(64, 20_000);
        var body = new string("abz-.9_"[random.Next(7)], length);
        return random.Next(3) switch
        {
            0 => $"\"{body}\"",
            1 => $"a{body}z",
            _ => string.Concat(Enumerable.Repeat("lorem ipsum ", length / 12 + 1)),
        };
    }
}
