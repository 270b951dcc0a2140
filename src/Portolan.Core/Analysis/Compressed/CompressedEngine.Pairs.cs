namespace Portolan.Core.Analysis.Compressed;

/// <summary>Whole-matrix pair decisions: which endpoints each class may open any connection to.</summary>
public sealed partial class CompressedEngine
{
    /// <summary>
    /// For every source class, the destination endpoints (classes and destination atoms) it may
    /// reach on at least one atom: OR over atoms of (egress row ∧ transposed ingress column).
    /// Ingress rows are transposed 64×64 bits at a time.
    /// </summary>
    public BitSet[] ReachableRows() => Atoms.Count <= 64 ? ReachableRowsSparse() : ReachableRowsTransposed();

    /// <summary>
    /// The same rows, found from the destination side: for each destination class and each distinct
    /// ingress row it has (with the atoms that row stands for), each source the row admits is checked
    /// against its own distinct egress rows. Cost follows the number of admitted (source, destination)
    /// candidates, which default-deny keeps far below classes squared.
    /// </summary>
    public BitSet[] ReachableRowsSparse() => ReachableRowsSparse(AtomGroup.OfAll(Egress), AtomGroup.OfAll(Ingress));

    /// <summary>The same, from each class's atom groups (<see cref="AtomGroup.OfAll"/> of <see cref="Egress"/> and <see cref="Ingress"/>).</summary>
    public BitSet[] ReachableRowsSparse(AtomGroup[][] egress, AtomGroup[][] ingress)
    {
        var c = ClassCount;
        var rows = new BitSet[c];
        for (int s = 0; s < c; s++)
        {
            var row = rows[s] = new BitSet(EndpointCount);
            // External destinations have no ingress side: any egress atom reaches them.
            foreach (var group in egress[s]) row.OrFrom(group.Row, FirstDestinationAtom);
        }
        var classWords = (c + 63) / 64;
        var lastClassWord = c % 64 == 0 ? ulong.MaxValue : (1UL << (c % 64)) - 1;
        for (int d = 0; d < c; d++)
        {
            foreach (var (admitted, atoms) in ingress[d])
            {
                var words = admitted.Words;
                for (int wi = 0; wi < classWords; wi++)
                {
                    var bits = words[wi];
                    if (wi == classWords - 1) bits &= lastClassWord;
                    while (bits != 0)
                    {
                        var s = wi * 64 + System.Numerics.BitOperations.TrailingZeroCount(bits);
                        bits &= bits - 1;
                        var row = rows[s];
                        if (row[d]) continue;
                        foreach (var group in egress[s])
                        {
                            if ((group.Atoms & atoms) != 0 && group.Row[d])
                            {
                                row[d] = true;
                                break;
                            }
                        }
                    }
                }
            }
        }
        return rows;
    }

    /// <summary>The rows by 64×64 bit transposes of the ingress matrix, for any number of atoms.</summary>
    public BitSet[] ReachableRowsTransposed()
    {
        var c = ClassCount;
        var rows = new BitSet[c];
        for (int s = 0; s < c; s++) rows[s] = new BitSet(EndpointCount);
        var externalDestinations = new BitSet(EndpointCount);
        for (int e = FirstDestinationAtom; e < EndpointCount; e++) externalDestinations[e] = true;
        var blocks = (c + 63) / 64;
        var column = new BitSet[64];
        for (int j = 0; j < 64; j++) column[j] = new BitSet(EndpointCount);
        Span<ulong> w = stackalloc ulong[64];
        for (int sb = 0; sb < blocks; sb++)
        {
            for (int k = 0; k < Atoms.Count; k++)
            {
                for (int j = 0; j < 64; j++) column[j].CopyFrom(externalDestinations);
                for (int db = 0; db < blocks; db++)
                {
                    for (int i = 0; i < 64; i++)
                    {
                        var d = db * 64 + i;
                        w[i] = d < c ? Ingress[d][k].Words[sb] : 0;
                    }
                    BitTranspose.Transpose64(w);
                    for (int j = 0; j < 64; j++) column[j].Words[db] |= w[j];
                }
                for (int j = 0; j < 64; j++)
                {
                    var s = sb * 64 + j;
                    if (s >= c) break;
                    rows[s].OrAnd(Egress[s][k], column[j]);
                }
            }
        }
        return rows;
    }
}
