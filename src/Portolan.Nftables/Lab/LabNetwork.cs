using System.Net;
using System.Net.Sockets;

namespace Portolan.Nftables.Lab;

/// <summary>
/// The lab's namespaces: one router namespace that forwards between one veth per host (a /32 or /128 route
/// each), and one namespace per host. Routing rather than bridging puts every pod-to-pod packet through the
/// router's inet forward hook with conntrack, with no br_netfilter setting. Nothing is created in the
/// caller's namespace except the namespace names themselves (platform notes: never the host's interfaces,
/// routes or rulesets). Dispose deletes every namespace this instance created.
/// </summary>
public sealed class LabNetwork : IDisposable
{
    private const string GatewayV4 = "169.254.1.1";
    private const string GatewayV6 = "fe80::1";
    private readonly List<string> _created = [];
    private readonly object _lock = new();

    public LabNetwork(string prefix)
    {
        Prefix = prefix;
        Router = $"{prefix}r";
    }

    /// <summary>Every namespace name of this lab starts with it; unique per run.</summary>
    public string Prefix { get; }

    public string Router { get; }

    public IReadOnlyList<string> Namespaces
    {
        get { lock (_lock) return [.. _created]; }
    }

    public static string NewPrefix() => $"pl{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}-";

    public string NetnsOf(int index, bool external) => $"{Prefix}{(external ? 'x' : 'p')}{index}";

    /// <summary>Creates the router namespace with forwarding on.</summary>
    public void CreateRouter()
    {
        AddNamespaces([Router]);
        Tools.IpBatch(Router, ["link set lo up"], "router setup");
        Netns.Run(Router, () =>
        {
            // Per-namespace sysctls, written from a thread inside the router namespace.
            Sysctl("net/ipv4/ip_forward", "1");
            Sysctl("net/ipv6/conf/all/forwarding", "1");
            Sysctl("net/ipv4/conf/all/rp_filter", "0");
            Sysctl("net/ipv4/conf/default/rp_filter", "0");
            // Short UDP conntrack lifetimes, so a probe after a ruleset change is not let through by an old entry.
            Sysctl("net/netfilter/nf_conntrack_udp_timeout", "1");
            Sysctl("net/netfilter/nf_conntrack_udp_timeout_stream", "1");
            // Rejected UDP probes are answered with ICMP; the kernel's ICMP rate limits would turn most into timeouts.
            Sysctl("net/ipv4/icmp_ratelimit", "0");
            Sysctl("net/ipv4/icmp_msgs_per_sec", "100000");
            Sysctl("net/ipv4/icmp_msgs_burst", "100000");
            Sysctl("net/ipv6/icmp/ratelimit", "0");
            return 0;
        });
    }

    /// <summary>Creates the hosts' namespaces, their veth pairs to the router, addresses, routes and static neighbours.</summary>
    public void AddHosts(IReadOnlyList<LabHost> hosts, CancellationToken cancel)
    {
        if (hosts.Count == 0) return;
        AddNamespaces([.. hosts.Select(h => h.Netns)]);
        cancel.ThrowIfCancellationRequested();
        var router = new List<string>();
        foreach (var host in hosts)
        {
            var v6 = host.Address.AddressFamily == AddressFamily.InterNetworkV6;
            router.Add($"link add {host.RouterInterface} address {host.RouterMac} type veth peer name eth0 netns {host.Netns} address {host.PodMac}");
            router.Add($"link set {host.RouterInterface} up");
            router.Add(v6 ? $"addr add {GatewayV6}/64 dev {host.RouterInterface} nodad" : $"addr add {GatewayV4}/32 dev {host.RouterInterface}");
            router.Add($"route add {host.Address}/{(v6 ? 128 : 32)} dev {host.RouterInterface}");
            router.Add($"neigh add {host.Address} lladdr {host.PodMac} dev {host.RouterInterface} nud permanent");
        }
        Tools.IpBatch(Router, router, "router interfaces");
        cancel.ThrowIfCancellationRequested();
        Parallel.ForEach(hosts, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancel }, host =>
        {
            var v6 = host.Address.AddressFamily == AddressFamily.InterNetworkV6;
            var gateway = v6 ? GatewayV6 : GatewayV4;
            List<string> lines = ["link set lo up", "link set eth0 up"];
            lines.Add(v6 ? $"addr add {host.Address}/128 dev eth0 nodad" : $"addr add {host.Address}/32 dev eth0");
            if (!v6) lines.Add($"route add {GatewayV4} dev eth0 scope link");
            lines.Add($"route add default via {gateway} dev eth0");
            lines.Add($"neigh add {gateway} lladdr {host.RouterMac} dev eth0 nud permanent");
            // ip started from a thread inside the namespace inherits it: no `ip -n`, which remounts /sys (~40 ms each).
            Netns.Run(host.Netns, () =>
            {
                Tools.IpBatch(null, lines, $"setup of {host}");
                return 0;
            });
        });
    }

    /// <summary>Deletes some hosts' namespaces (their veths go with them) and their routes in the router.</summary>
    public void RemoveHosts(IReadOnlyList<LabHost> hosts)
    {
        if (hosts.Count == 0) return;
        DeleteNamespaces([.. hosts.Select(h => h.Netns)]);
    }

    /// <summary>Applies an nftables script in the router namespace as one transaction.</summary>
    public void Apply(string script) => Tools.NftApply(Router, script, "applying the ruleset");

    public void Dispose() => DeleteNamespaces(Namespaces);

    private void AddNamespaces(IReadOnlyList<string> names)
    {
        // Recorded before they exist, so a failure half-way still deletes whatever was made.
        lock (_lock) _created.AddRange(names);
        Tools.IpBatch(null, names.Select(n => $"netns add {n}"), "creating network namespaces");
    }

    private void DeleteNamespaces(IReadOnlyList<string> names)
    {
        if (names.Count == 0) return;
        var existing = names.Where(n => File.Exists(Netns.PathOf(n))).ToList();
        lock (_lock) _created.RemoveAll(names.Contains);
        if (existing.Count == 0) return;
        // -force: keep deleting after one fails; every namespace is ours (the run's prefix).
        Tools.Run(Tools.Ip, ["-force", "-batch", "-"], string.Join('\n', existing.Select(n => $"netns del {n}")) + "\n", "deleting network namespaces");
    }

    private static void Sysctl(string key, string value)
    {
        var path = $"/proc/sys/{key}";
        if (File.Exists(path)) File.WriteAllText(path, value);
    }

    /// <summary>The lab's gateway addresses; never given to a host.</summary>
    public static readonly IPAddress[] Reserved = [IPAddress.Parse(GatewayV4), IPAddress.Parse(GatewayV6)];
}
