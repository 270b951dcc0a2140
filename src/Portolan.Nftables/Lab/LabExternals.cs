using System.Collections.Immutable;
using System.Net;
using Portolan.Core.Analysis;
using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Nftables.Lab;

/// <summary>
/// Chooses external hosts: for each external range of the analysis (the atoms every ipBlock holds whole
/// or misses), one address of the lab ranges or the documentation ranges inside it, when there is one.
/// Ranges without such an address (say 8.8.8.0/24) get no host: the lab never borrows real addresses.
/// </summary>
public static class LabExternals
{
    public static (ImmutableArray<IPAddress> Added, int Unplaced) Choose(
        Cluster labCluster, IReadOnlyList<Cidr> ranges, AddressPool pool, IReadOnlyCollection<IPAddress> existing, int max)
    {
        var (sources, destinations) = ExternalAtoms.Build(labCluster, new RuleMatcher(labCluster, IPBlockScope.All));
        var candidates = ranges.Concat(AddressPool.DocumentationRanges).Select(AddressPool.HostsOf)
            .Aggregate(AddressSet.Empty, (a, b) => a.Union(b));
        var chosen = new List<IPAddress>(existing);
        var added = ImmutableArray.CreateBuilder<IPAddress>();
        int unplaced = 0;
        foreach (var atom in sources.Concat(destinations).Select(a => a.Addresses).Distinct())
        {
            if (chosen.Any(atom.Contains)) continue;
            var within = atom.Intersect(candidates);
            var address = within.IsEmpty || chosen.Count >= max ? null : pool.Next(within);
            if (address is null)
            {
                unplaced++;
                continue;
            }
            chosen.Add(address);
            added.Add(address);
        }
        return (added.ToImmutable(), unplaced);
    }
}
