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
        var groups = new List<AtomGroup>(4);
        for (int k = 0; k < rows.Length; k++)
        {
            var at = groups.FindIndex(g => ReferenceEquals(g.Row, rows[k]));
            if (at < 0) groups.Add(new AtomGroup(rows[k], 1UL << k));
            else groups[at] = groups[at] with { Atoms = groups[at].Atoms | (1UL << k) };
        }
        return [.. groups];
    }

    /// <summary>The atoms of the groups whose row holds <paramref name="index"/>.</summary>
    public static ulong AtomsHolding(AtomGroup[] groups, int index)
    {
        ulong mask = 0;
        foreach (var (row, atoms) in groups) if (row[index]) mask |= atoms;
        return mask;
    }
}
