using System.Net;
using Portolan.Core.Sets;

namespace Portolan.Nftables;

/// <summary>
/// The --pod-ips format: one "namespace/pod: ip[,ip]" per line; blank lines and lines starting with '#'
/// are ignored. Addresses are read as the API server reads them (Cidr.TryParseAddress).
/// </summary>
public static class PodAddressesFile
{
    public static PodAddresses Parse(string text, string fileName)
    {
        var byPod = new Dictionary<string, IReadOnlyList<IPAddress>>(StringComparer.Ordinal);
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var where = $"{fileName}:{i + 1}";
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0) throw Error(where, $"\"{line}\" is not \"namespace/pod: ip[,ip]\"");
            var key = line[..colon].Trim();
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || slash == key.Length - 1 || key.IndexOf('/', slash + 1) >= 0 || key.Any(char.IsWhiteSpace))
                throw Error(where, $"\"{key}\" is not namespace/pod");
            if (origins.TryGetValue(key, out var first)) throw Error(where, $"{key} is given twice (first at {first})");
            var addresses = new List<IPAddress>();
            foreach (var part in line[(colon + 1)..].Split(','))
            {
                var item = part.Trim();
                if (!Cidr.TryParseAddress(item, out var address)) throw Error(where, $"{key}: \"{item}\" is not an IP address");
                if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
                if (addresses.Contains(address)) throw Error(where, $"{key}: {item} is given twice");
                addresses.Add(address);
            }
            byPod[key] = addresses;
            origins[key] = where;
        }
        return new PodAddresses(byPod) { Origins = origins };
    }

    private static NftablesInputException Error(string where, string message) => new($"{where}: {message}");
}
