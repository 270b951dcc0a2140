using System.Collections.Immutable;
using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis.Compressed;

/// <summary>In-place policy updates for the incremental analysis: only the selected classes' rows change.</summary>
public sealed partial class CompressedEngine
{
    /// <summary>
    /// Can this policy be swapped in without re-cutting the address space? Its address blocks must be
    /// unions of existing external atoms (and, for scope All, blocks already known, so no class
    /// splits). Ports need not fit: <see cref="CutAtoms"/> refines the atoms in place.
    /// </summary>
    public bool FitsAddresses(Policy policy)
    {
        foreach (var (rules, known) in new[] { (policy.Ingress, _knownIngressBlocks), (policy.Egress, _knownEgressBlocks) })
        {
            foreach (var peer in rules.SelectMany(r => r.Peers))
            {
                // Source ranges are cut at ingress blocks, destination ranges at egress blocks.
                if (peer is NodePeer) return false;
                if (peer is IPBlockPeer block && !known.Contains(block.Addresses)) return false;
            }
        }
        return true;
    }

    private static IEnumerable<ConnectionSet> PortSets(Policy policy) =>
        policy.Ingress.Concat(policy.Egress).SelectMany(r => r.Ports).OfType<PortRangeMatch>().Select(port => RuleMatcher.Connections(port, null));

    /// <summary>
    /// Cuts the atoms at a policy's port boundaries, keeping every row: no rule in the state tells the
    /// parts of a cut atom apart (each rule's ports were unions of whole atoms), so each part inherits
    /// the row of the atom it was cut from. Caches indexed by atom are dropped and rebuilt on use.
    /// Nothing changes when the policy's ports are already unions of atoms.
    /// </summary>
    public void CutAtoms(Policy policy)
    {
        var (atoms, parent) = Atoms.Refine(PortSets(policy));
        if (atoms.Count == Atoms.Count) return;
        var remapped = new Dictionary<BitSet[], BitSet[]>(ReferenceEqualityComparer.Instance);
        BitSet[] Remap(BitSet[] rows)
        {
            if (!remapped.TryGetValue(rows, out var cut)) remapped[rows] = cut = [.. parent.Select(k => rows[k])];
            return cut;
        }
        foreach (var key in _profiles.Keys.ToList()) _profiles[key] = Remap(_profiles[key]);
        for (int c = 0; c < ClassCount; c++)
        {
            Egress[c] = Remap(Egress[c]);
            Ingress[c] = Remap(Ingress[c]);
        }
        _rules.Clear();
        _namedCache.Clear();
        _namedIngress.Clear();
        Atoms = atoms;
    }

    private HashSet<AddressSet> _knownIngressBlocks = [];
    private HashSet<AddressSet> _knownEgressBlocks = [];

    private void RememberBlocks()
    {
        HashSet<AddressSet> Blocks(Func<Policy, IEnumerable<Rule>> rules) =>
            [.. _cluster.Policies.SelectMany(rules).SelectMany(r => r.Peers).OfType<IPBlockPeer>().Select(b => b.Addresses)];
        _knownIngressBlocks = Blocks(p => p.Ingress);
        _knownEgressBlocks = Blocks(p => p.Egress);
    }

    /// <summary>Replaces (or adds, or removes) one policy and recomputes the rows of the classes either version selects.</summary>
    public ImmutableArray<int> ReplacePolicy(Policy? old, Policy? replacement)
    {
        var affected = new HashSet<int>();
        foreach (var policy in new[] { old, replacement })
        {
            if (policy is null) continue;
            foreach (var c in SelectionSet(policy.Subject).Indices()) if (c < ClassCount) affected.Add(c);
        }
        var policies = _cluster.Policies;
        if (old is not null) policies = policies.Remove(old, ReferenceEqualityComparer.Instance);
        if (replacement is not null) policies = policies.Add(replacement);
        _cluster = _cluster with { Policies = policies };
        _index = new PolicyIndex(policies);
        var list = affected.Order().ToImmutableArray();
        ComputeRows(list);
        return list;
    }

    /// <summary>A copy of the rows of some classes (both directions), to compare before and after a change.</summary>
    public Dictionary<int, (BitSet[] Egress, BitSet[] Ingress)> Snapshot(IEnumerable<int> classes) =>
        classes.ToDictionary(c => c, c => (Egress[c], Ingress[c]));

    /// <summary>Rows are replaced, never mutated, on update; so a snapshot keeps the old decisions.</summary>
    public bool AllowsBefore(Dictionary<int, (BitSet[] Egress, BitSet[] Ingress)> before, int source, int destination, int atom) =>
        (source >= ClassCount || (before.TryGetValue(source, out var s) ? s.Egress : Egress[source])[atom][destination])
        && (destination >= ClassCount || (before.TryGetValue(destination, out var d) ? d.Ingress : Ingress[destination])[atom][source]);
}
