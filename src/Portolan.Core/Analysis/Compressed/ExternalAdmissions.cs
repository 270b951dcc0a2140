using System.Runtime.CompilerServices;

namespace Portolan.Core.Analysis.Compressed;

/// <summary>
/// What each class admits from 64 external sources (one window of source atoms): every ingress group
/// of every class reduced to the window's 64 bits and its atoms, in flat arrays read front to back.
/// An external source has no egress side, so this alone decides its pairs; read from the rows
/// themselves, each source would touch every class's rows (many, far apart) once more.
/// </summary>
internal sealed class ExternalAdmissions
{
    private readonly int[] _start; // groups of class d: [_start[d], _start[d + 1])
    private readonly ulong[] _bits;
    private readonly ulong[] _atoms;

    /// <param name="from">The first endpoint of the window (an external source).</param>
    public ExternalAdmissions(AtomGroup[][] ingress, int from)
    {
        _start = new int[ingress.Length + 1];
        var bits = new List<ulong>();
        var atoms = new List<ulong>();
        for (int d = 0; d < ingress.Length; d++)
        {
            foreach (var group in ingress[d])
            {
                var window = Window(group.Row.Words, from);
                if (window == 0) continue;
                bits.Add(window);
                atoms.Add(group.Atoms);
            }
            _start[d + 1] = bits.Count;
        }
        _bits = [.. bits];
        _atoms = [.. atoms];
    }

    /// <summary>The atoms class <paramref name="d"/> admits from the window's source <paramref name="offset"/> (0–63).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ulong AtomsFrom(int offset, int d)
    {
        ulong mask = 0;
        for (int i = _start[d]; i < _start[d + 1]; i++) if (((_bits[i] >> offset) & 1) != 0) mask |= _atoms[i];
        return mask;
    }

    // The 64 bits from bit `from` on (bits past the end are 0).
    private static ulong Window(ReadOnlySpan<ulong> words, int from)
    {
        var (word, shift) = (from >> 6, from & 63);
        if (word >= words.Length) return 0;
        var low = words[word] >> shift;
        return shift == 0 || word + 1 >= words.Length ? low : low | (words[word + 1] << (64 - shift));
    }
}
