namespace Portolan.Core.Analysis.Compressed;

/// <summary>Whole-matrix pair decisions: which endpoints each class may open any connection to.</summary>
public sealed partial class CompressedEngine
{
    /// <summary>
    /// For every source class, the destination endpoints (classes and destination atoms) it may
    /// reach on at least one atom: OR over atoms of (egress row ∧ transposed ingress column).
    /// Ingress rows are transposed 64×64 bits at a time.
    /// </summary>
    public BitSet[] ReachableRows()
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
