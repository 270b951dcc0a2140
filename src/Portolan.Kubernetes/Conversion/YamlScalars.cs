using System.Globalization;
using System.Text;
using Portolan.Kubernetes.Yaml;

namespace Portolan.Kubernetes.Conversion;

/// <summary>
/// How one scalar is written so that it reads back as the same value: plain where plain is
/// unambiguous, otherwise double-quoted. A scalar read plain stays plain (it resolves as before);
/// a quoted one is written plain only when plain would still read as a string.
/// </summary>
public static class YamlScalars
{
    private const string Indicators = "-?:,[]{}#&*!|>'\"%@`";
    private const string InsideIndicators = ",[]{}#&*!|>'\"%@`";

    public static string Value(YScalar scalar)
    {
        if (scalar.IsNull) return scalar.Value.Length == 0 ? "null" : scalar.Value;
        if (!SafePlain(scalar.Value)) return DoubleQuoted(scalar.Value);
        return scalar.Quoted && MayResolveAsNonString(scalar.Value) ? DoubleQuoted(scalar.Value) : scalar.Value;
    }

    /// <summary>Mapping keys are strings however they were written (YNode keeps no key style).</summary>
    public static string Key(string key) =>
        SafePlain(key) && !MayResolveAsNonString(key) ? key : DoubleQuoted(key);

    // Conservative: anything that could start a YAML indicator, comment or continuation is quoted.
    private static bool SafePlain(string text)
    {
        if (text.Length == 0 || text.StartsWith("---", StringComparison.Ordinal) || text.StartsWith("...", StringComparison.Ordinal)) return false;
        // "-1" and "-x" are plain; "- x" would start a list item.
        var dashLike = text[0] is '-' or '?' && text.Length > 1 && !char.IsWhiteSpace(text[1]);
        if (!dashLike && Indicators.Contains(text[0], StringComparison.Ordinal)) return false;
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text[^1] == ':') return false;
        if (text.Contains(": ", StringComparison.Ordinal)) return false;
        foreach (var c in text)
        {
            // YamlDotNet misreads some of these inside plain scalars ("a *: 1"); a quoted string means the same.
            if (NeedsEscape(c) || InsideIndicators.Contains(c, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    // YAML 1.1 and 1.2 readers disagree on yes/no/on/off and on number forms; quote all of them.
    private static bool MayResolveAsNonString(string text)
    {
        var first = text[0];
        if (char.IsAsciiDigit(first) || first is '+' or '-' or '.' or '~') return true;
        return text.ToUpperInvariant() is "NULL" or "TRUE" or "FALSE" or "YES" or "NO" or "ON" or "OFF" or "Y" or "N";
    }

    // Control characters, the BOM and the Unicode line separators (YAML 1.1 line breaks).
    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\uFEFF' or '\u2028' or '\u2029';

    private static string DoubleQuoted(string text)
    {
        var result = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': result.Append("\\\""); break;
                case '\\': result.Append("\\\\"); break;
                case '\n': result.Append("\\n"); break;
                case '\t': result.Append("\\t"); break;
                case '\r': result.Append("\\r"); break;
                case var _ when NeedsEscape(c):
                    result.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default: result.Append(c); break;
            }
        }
        return result.Append('"').ToString();
    }
}
