namespace Portolan.Kubernetes.Parsing;

/// <summary>Label key and value syntax, as the API server validates them (semantics §2).</summary>
public static class LabelRules
{
    public static string? KeyProblem(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (slash >= 0)
        {
            var prefix = key[..slash];
            if (prefix.Length is 0 or > 253 || !IsDnsSubdomain(prefix)) return $"invalid label key \"{key}\": the prefix must be a DNS subdomain";
        }
        if (name.Length is 0 or > 63 || !IsQualifiedNamePart(name))
            return $"invalid label key \"{key}\": the name must be 1-63 characters of [A-Za-z0-9._-], starting and ending with an alphanumeric";
        return null;
    }

    public static string? ValueProblem(string value)
    {
        if (value.Length == 0) return null;
        if (value.Length > 63 || !IsQualifiedNamePart(value))
            return $"invalid label value \"{value}\": must be at most 63 characters of [A-Za-z0-9._-], starting and ending with an alphanumeric";
        return null;
    }

    private static bool IsQualifiedNamePart(string text) =>
        char.IsAsciiLetterOrDigit(text[0]) && char.IsAsciiLetterOrDigit(text[^1])
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static bool IsDnsSubdomain(string text) =>
        text.Split('.').All(part => part.Length is > 0 and <= 63
            && (char.IsAsciiLetterLower(part[0]) || char.IsAsciiDigit(part[0]))
            && (char.IsAsciiLetterLower(part[^1]) || char.IsAsciiDigit(part[^1]))
            && part.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'));

    /// <summary>IANA service name rules for named ports (semantics §3.7).</summary>
    public static bool IsValidPortName(string name) =>
        name.Length is > 0 and <= 15
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && name.Any(char.IsAsciiLetterLower)
        && name[0] != '-' && name[^1] != '-'
        && !name.Contains("--", StringComparison.Ordinal);
}
