using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Model;

namespace Portolan.Tests.Engine;

/// <summary>What the incremental-engine tests share: which random changes are valid, and results as comparable lines.</summary>
public static class Changes
{
    // The loader rejects two admin policies of one tier with the same priority; so must the changes.
    public static bool Admissible(Cluster cluster, Change change)
    {
        var (old, added) = change switch
        {
            PolicyAdded a => (null, a.Policy),
            PolicyChanged c => (c.Old, c.New),
            _ => ((Policy?)null, (Policy?)null),
        };
        if (added is null || added.Tier == Tier.NetworkPolicy) return true;
        return !cluster.Policies.Any(p => !ReferenceEquals(p, old) && p.Tier == added.Tier && p.Priority == added.Priority);
    }

    /// <summary>A random policy change to a cluster: remove, replace or add one.</summary>
    public static Change Random(RandomCluster random, Cluster cluster)
    {
        var namespaces = cluster.Namespaces.Keys.Order(StringComparer.Ordinal).ToList();
        return random.Next(3) switch
        {
            0 when !cluster.Policies.IsEmpty => new PolicyRemoved(cluster.Policies[random.Next(cluster.Policies.Length)]),
            1 when !cluster.Policies.IsEmpty => new PolicyChanged(cluster.Policies[random.Next(cluster.Policies.Length)], random.Policy(namespaces)),
            _ => new PolicyAdded(random.Policy(namespaces)),
        };
    }

    public static List<string> Lines(ConnectivityResult result) => [.. Lines(result.Connections), .. result.Warnings];

    public static List<string> Lines(IEnumerable<Connection> connections) =>
        [.. connections.Select(c => $"{c.Source} => {c.Destination} : {c.Allowed}")];
}
