namespace Portolan.Tests.Fuzz;

/// <summary>
/// One named way to damage an input. Inputs are byte strings held as Latin-1 text (one char per
/// byte), so invalid UTF-8 survives every edit; UTF-8 text is inserted through <see cref="Raw"/>.
/// </summary>
public sealed record Mutation(string Name, Func<string, Random, string> Apply)
{
    /// <summary>Inputs are cut to this size: twice the largest single insertion (a 2 MB string), far past any manifest.</summary>
    public const int MaxBytes = 4_000_000;

    public static string FromBytes(byte[] bytes) => System.Text.Encoding.Latin1.GetString(bytes);

    public static byte[] ToBytes(string text) => System.Text.Encoding.Latin1.GetBytes(text);

    /// <summary>UTF-8 text as the byte string that encodes it.</summary>
    public static string Raw(string text) => FromBytes(System.Text.Encoding.UTF8.GetBytes(text));
}
