namespace Portolan.Core.Analysis.Compressed;

/// <summary>In-place transpose of a 64×64 bit matrix (row i = word i, column j = bit j).</summary>
public static class BitTranspose
{
    public static void Transpose64(Span<ulong> a)
    {
        // Swap ever smaller off-diagonal blocks: 32×32, 16×16, … 1×1 (Hacker's Delight §7-3).
        int j = 32;
        ulong m = 0x00000000FFFFFFFFUL;
        while (j != 0)
        {
            for (int k = 0; k < 64; k = ((k | j) + 1) & ~j)
            {
                var t = ((a[k] >> j) ^ a[k | j]) & m;
                a[k] ^= t << j;
                a[k | j] ^= t;
            }
            j >>= 1;
            m ^= m << j;
        }
    }
}
