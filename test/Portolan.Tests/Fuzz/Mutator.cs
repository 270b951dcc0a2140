namespace Portolan.Tests.Fuzz;

/// <summary>
/// Turns a case number into an input, deterministically: the case's own Random (from the run seed
/// and the case number) picks a seed input, an output format and one to four mutations.
/// </summary>
public static class Mutator
{
    public sealed record Case(long Index, int CaseSeed, string SeedName, string Format, IReadOnlyList<string> Mutations, byte[] Bytes)
    {
        public string Describe() => $"case {Index} (case seed {CaseSeed}): {SeedName} -o {Format}, mutations [{string.Join(", ", Mutations)}], {Bytes.Length} bytes";
    }

    // Weights: text and type damage is most of what real mistakes look like; the expensive shapes are rarer.
    private static readonly (Mutation Mutation, int Weight)[] Catalogue =
    [
        (LineMutations.Truncate, 8),
        (LineMutations.DeleteLines, 8),
        (LineMutations.DuplicateLines, 6),
        (LineMutations.SwapLines, 5),
        (LineMutations.Indentation, 6),
        (LineMutations.Tabs, 3),
        (LineMutations.DuplicateKey, 4),
        (LineMutations.YamlTokens, 6),
        (ScalarMutations.WrongType, 14),
        (ShapeMutations.DeepNesting, 3),
        (ShapeMutations.Wide, 2),
        (AliasBombs.Classic, 3),
        (AliasBombs.Unread, 2),
        (AliasBombs.Shaped, 3),
        (ByteMutations.InvalidUtf8Bytes, 4),
        (ByteMutations.ByteOrderMark, 2),
        (ByteMutations.Nul, 2),
        (ByteMutations.ControlCharacters, 2),
        (ByteMutations.ByteFlips, 6),
    ];

    private static readonly int TotalWeight = Catalogue.Sum(c => c.Weight);

    private static readonly string[] Formats = ["txt", "txt", "txt", "json", "csv", "md", "dot"];

    public const string CutName = "cut-to-max-size";

    public static IEnumerable<string> Names => Catalogue.Select(c => c.Mutation.Name).Append(FlowStyle.ToFlow.Name).Append(CutName);

    public static Case Create(int runSeed, long index, IReadOnlyList<SeedInputs.Input> seeds)
    {
        var caseSeed = CaseSeed(runSeed, index);
        var random = new Random(caseSeed);
        var seed = seeds[random.Next(seeds.Count)];
        var format = Formats[random.Next(Formats.Length)];
        var text = Mutation.FromBytes(seed.Bytes);
        var applied = new List<string>();
        if (random.Next(10) == 0)
        {
            text = FlowStyle.ToFlow.Apply(text, random);
            applied.Add(FlowStyle.ToFlow.Name);
        }
        var count = random.Next(4) == 0 ? random.Next(2, 5) : 1;
        for (int i = 0; i < count; i++)
        {
            var mutation = Pick(random);
            text = mutation.Apply(text, random);
            applied.Add(mutation.Name);
            if (text.Length > Mutation.MaxBytes)
            {
                text = text[..Mutation.MaxBytes];
                applied.Add(CutName);
            }
        }
        return new Case(index, caseSeed, seed.Name, format, applied, Mutation.ToBytes(text));
    }

    /// <summary>SplitMix64 of (run seed, case number): independent, well-spread seeds for neighbouring cases.</summary>
    public static int CaseSeed(int runSeed, long index)
    {
        var z = unchecked(((ulong)(uint)runSeed << 32) + (ulong)index + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)(z ^ (z >> 31));
    }

    private static Mutation Pick(Random random)
    {
        var roll = random.Next(TotalWeight);
        foreach (var (mutation, weight) in Catalogue)
        {
            if (roll < weight) return mutation;
            roll -= weight;
        }
        throw new InvalidOperationException("unreachable: weights cover the roll");
    }
}
