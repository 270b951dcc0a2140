using System.Security.Cryptography;
using System.Text;

namespace Portolan.Nftables.Compilation;

/// <summary>
/// Names nft accepts (a letter or '_' first, then letters, digits, '_', '-', '.') and comments it accepts
/// (at most 128 bytes, no quotes), from Kubernetes names that may hold anything.
/// </summary>
public static class Naming
{
    public const int MaxComment = 128;

    // Well below NFT_NAME_MAXLEN (256), so a prefix and a suffix always fit.
    private const int MaxName = 200;

    public static string Hash(string text, int length) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..length];

    /// <summary>prefix_part_part...; when a part had to be changed or cut, a hash of the original keeps names distinct.</summary>
    public static string Identifier(string prefix, params string[] parts)
    {
        var original = string.Join("_", parts);
        var clean = new StringBuilder(prefix);
        foreach (var part in parts)
        {
            clean.Append('_');
            foreach (var c in part) clean.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_');
        }
        var text = clean.ToString();
        if (text == $"{prefix}_{original}" && text.Length <= MaxName) return text;
        return $"{text[..Math.Min(text.Length, MaxName)]}_{Hash(original, 8)}";
    }

    /// <summary>A comment: quotes, backslashes and control characters become '_'; too long, the subject is cut in the middle.</summary>
    public static string Comment(string subject, string rest = "")
    {
        static string Clean(string s) => new([.. s.Select(c => c is '"' or '\\' || char.IsControl(c) || c > '~' ? '_' : c)]);
        var head = Clean(subject);
        var tail = Clean(rest);
        var room = MaxComment - tail.Length;
        if (head.Length > room)
        {
            var keep = Math.Max(0, room - 3);
            head = head[..(keep / 2)] + "..." + head[^(keep - keep / 2)..];
        }
        return head + tail;
    }
}
