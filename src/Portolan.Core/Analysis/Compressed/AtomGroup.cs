using System.Runtime.CompilerServices;

namespace Portolan.Core.Analysis.Compressed;

/// <summary>
/// One distinct row of a class's per-atom rows and the atoms (at most 64, as bits) that share it:
/// rows are shared by the atoms a class's rules do not tell apart, so a class has few groups.
/// </summary>
public readonly record struct AtomGroup(BitSet Row, ulong Atoms)
{
    /// <summary>Groups rows[atom] by reference, in order of first appearance; needs at most 64 atoms.</summary>
    public static AtomGroup[] Of(BitSet[] rows)
    {
        var groups = new AtomGroup[rows.Length];
        var count = 0;
        for (int k = 0; k < rows.Length; k++)
        {
            var at = 0;
            while (at < count && !ReferenceEquals(groups[at].Row, rows[k])) at++;
            if (at == count) groups[count++] = new AtomGroup(rows[k], 1UL << k);
            else groups[at] = groups[at] with { Atoms = groups[at].Atoms | (1UL << k) };
        }
        Array.Resize(ref groups, count);
        return groups;
    }

    /// <summary>The groups of every class's rows (rows[class][atom]).</summary>
    public static AtomGroup[][] OfAll(BitSet[][] rows)
    {
        var groups = new AtomGroup[rows.Length][];
        for (int c = 0; c < rows.Length; c++) groups[c] = Of(rows[c]);
        return groups;
    }

    /// <summary>
    /// The atoms within <paramref name="within"/> of the groups whose row holds <paramref name="index"/>.
    /// Rows of groups that could add none of those atoms are not read: reading rows (many, far apart)
    /// is what a lookup costs.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called per pair: optimised from the first call
    public static ulong AtomsHolding(AtomGroup[] groups, int index, ulong within)
    {
        ulong mask = 0;
        foreach (var group in groups) if ((group.Atoms & within) != 0 && group.Row[index]) mask |= group.Atoms;
        return mask & within;
    }
}
