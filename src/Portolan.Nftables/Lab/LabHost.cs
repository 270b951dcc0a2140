using System.Net;
using Portolan.Core.Model;

namespace Portolan.Nftables.Lab;

/// <summary>
/// One lab namespace: a pod of the lab cluster, or an external peer standing for a range of the analysis.
/// Index numbers its router-side interface (r{Index}) and its MAC addresses.
/// </summary>
public sealed record LabHost(int Index, string Netns, IPAddress Address, Pod? Pod)
{
    /// <summary>"namespace/pod" for a pod, the address for an external host.</summary>
    public string Name => Pod is null ? Address.ToString() : $"{Pod.Namespace}/{Pod.Name}";

    public bool IsExternal => Pod is null;

    /// <summary>The router-side interface, named after the index so it fits IFNAMSIZ.</summary>
    public string RouterInterface => $"r{Index}";

    // Locally administered unicast MACs (02:...), distinct per host: static neighbour entries need no ARP.
    public string PodMac => Mac(0x02);

    public string RouterMac => Mac(0x06);

    private string Mac(int first) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{first:x2}:00:{(Index >> 24) & 0xff:x2}:{(Index >> 16) & 0xff:x2}:{(Index >> 8) & 0xff:x2}:{Index & 0xff:x2}");

    public override string ToString() => IsExternal ? $"{Address}[External]" : $"{Name} ({Address})";
}
