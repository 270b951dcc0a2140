using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Portolan.Core.Sets;

/// <summary>
/// A CIDR block. Parsing is "sloppy" like the API server's default (semantics §3.6): host bits are
/// masked away and IPv4 octets with leading zeros are read as decimal.
/// </summary>
public readonly record struct Cidr(UInt128 First, UInt128 Last, int PrefixLength, bool IsV6)
{
    public static bool TryParse(string text, out Cidr cidr)
    {
        cidr = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == text.Length - 1) return false;
        var addressText = text[..slash];
        var prefixText = text[(slash + 1)..];
        // Leading zeros are accepted anywhere, as the API server's sloppy parser does.
        prefixText = prefixText.TrimStart('0') is { Length: > 0 } trimmed ? trimmed : prefixText.Length > 0 ? "0" : prefixText;
        if (prefixText.Length == 0 || !prefixText.All(char.IsAsciiDigit) || prefixText.Length > 3) return false;
        var prefix = int.Parse(prefixText, CultureInfo.InvariantCulture);
        if (!TryParseAddress(addressText, out var address)) return false;
        var (value, v6) = ToInteger(address);
        // An IPv4-mapped IPv6 CIDR (::ffff:10.0.0.0/104) is accepted by the API server (semantics §3.6,
        // K8S-IPVALID): like Go's ParseCIDR, the textual family decides, so it is an IPv6 prefix of 128 bits.
        if (!v6 && addressText.Contains(':', StringComparison.Ordinal))
        {
            v6 = true;
            value |= (UInt128)0xFFFF << 32;
        }
        var bits = v6 ? 128 : 32;
        if (prefix > bits) return false;
        var hostBits = bits - prefix;
        UInt128 hostMask = hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - UInt128.One;
        var first = value & ~hostMask;
        cidr = new Cidr(first, first | hostMask, prefix, v6);
        return true;
    }

    /// <summary>IPv4 dotted quads are read as four decimal numbers (leading zeros allowed); anything with ':' as IPv6.</summary>
    public static bool TryParseAddress(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (text.Contains(':', StringComparison.Ordinal))
        {
            if (text.Contains('[', StringComparison.Ordinal) || !IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6
                || parsed.ScopeId != 0 || text.Contains('%', StringComparison.Ordinal)) return false;
            address = parsed;
            return true;
        }
        var parts = text.Split('.');
        if (parts.Length != 4) return false;
        var bytes = new byte[4];
        for (int i = 0; i < 4; i++)
        {
            var digits = parts[i].TrimStart('0') is { Length: > 0 } trimmed ? trimmed : parts[i].Length > 0 ? "0" : "";
            if (digits.Length is 0 or > 3 || !parts[i].All(char.IsAsciiDigit)) return false;
            var octet = int.Parse(digits, CultureInfo.InvariantCulture);
            if (octet > 255) return false;
            bytes[i] = (byte)octet;
        }
        address = new IPAddress(bytes);
        return true;
    }

    /// <summary>An address as an integer; IPv4-mapped IPv6 addresses count as IPv4.</summary>
    public static (UInt128 Value, bool IsV6) ToInteger(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        UInt128 value = 0;
        foreach (var b in bytes) value = (value << 8) | b;
        return (value, bytes.Length == 16);
    }

    public static IPAddress FromInteger(UInt128 value, bool v6)
    {
        var length = v6 ? 16 : 4;
        var bytes = new byte[length];
        for (int i = length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(value & 0xFF);
            value >>= 8;
        }
        return new IPAddress(bytes);
    }

    public override string ToString() => $"{FromInteger(First, IsV6)}/{PrefixLength}";
}
