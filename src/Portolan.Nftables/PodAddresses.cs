using System.Net;

namespace Portolan.Nftables;

/// <summary>
/// Addresses given for pods, keyed "namespace/pod" (a workload's name for its template pod). They replace
/// the addresses the manifests hold; <see cref="Origins"/> says where each key was read, for messages.
/// </summary>
public sealed record PodAddresses(IReadOnlyDictionary<string, IReadOnlyList<IPAddress>> ByPod)
{
    public static PodAddresses None { get; } = new(new Dictionary<string, IReadOnlyList<IPAddress>>());

    /// <summary>"file:line" of each key, when read from a file.</summary>
    public IReadOnlyDictionary<string, string> Origins { get; init; } = new Dictionary<string, string>();

    public string OriginOf(string key) => Origins.TryGetValue(key, out var origin) ? origin : "pod addresses";
}
