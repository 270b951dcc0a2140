using Portolan.Nftables.Lab;

namespace Portolan.Tests.Kernel;

/// <summary>
/// A fact that needs a real kernel lab: root, ip(8) and nft(8). Skipped, with the reason, otherwise;
/// CI runs as root with nftables installed, so there these tests really run.
/// </summary>
public sealed class KernelFactAttribute : FactAttribute
{
    public static string? Missing { get; } =
        !Environment.IsPrivilegedProcess ? "needs root (network namespaces and nftables); CI runs the kernel tests as root"
        : !Tools.Exists(Tools.Ip) ? "ip (iproute2) is not installed"
        : !Tools.Exists(Tools.Nft) ? "nft is not installed (apt-get install -y nftables; .ci/run installs it)"
        : null;

    public KernelFactAttribute()
    {
        if (Missing is not null) Skip = Missing;
    }
}
