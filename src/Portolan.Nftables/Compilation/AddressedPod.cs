using System.Collections.Immutable;
using System.Net;
using Portolan.Core.Model;
using Portolan.Core.Selectors;
using Portolan.Nftables.Ruleset;

namespace Portolan.Nftables.Compilation;

/// <summary>A pod with the addresses the ruleset enforces it at (IPv4-mapped IPv6 read as IPv4), and its namespace's labels.</summary>
public sealed record AddressedPod(Pod Pod, Labels NamespaceLabels, ImmutableArray<IPAddress> V4, ImmutableArray<IPAddress> V6)
{
    public ImmutableArray<IPAddress> Addresses(IPFamily family) => family == IPFamily.V4 ? V4 : V6;

    public static AddressedPod Create(Pod pod, Labels namespaceLabels, IEnumerable<IPAddress> addresses)
    {
        var canonical = addresses.Select(a => a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a).Distinct().ToList();
        return new(pod, namespaceLabels,
            [.. canonical.Where(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)],
            [.. canonical.Where(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)]);
    }
}
