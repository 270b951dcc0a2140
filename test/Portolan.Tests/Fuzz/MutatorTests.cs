namespace Portolan.Tests.Fuzz;

/// <summary>A (seed, case) pair must name one input forever: that is what makes a printed failure replayable.</summary>
public sealed class MutatorTests
{
    [Fact]
    public void The_same_seed_and_case_give_the_same_input()
    {
        for (long index = 0; index < 300; index++)
        {
            var first = Mutator.Create(FuzzSettings.DefaultSeed, index, SeedInputs.All);
            var again = Mutator.Create(FuzzSettings.DefaultSeed, index, SeedInputs.All);

            Assert.Equal(first.Describe(), again.Describe());
            Assert.Equal(first.Bytes, again.Bytes);
        }
    }

    [Fact]
    public void Neighbouring_cases_and_seeds_differ()
    {
        var seeds = Enumerable.Range(0, 1000).Select(i => Mutator.CaseSeed(FuzzSettings.DefaultSeed, i))
            .Concat(Enumerable.Range(100, 1000).Select(s => Mutator.CaseSeed(s, 0)));

        Assert.Equal(2000, seeds.Distinct().Count());
    }

    [Fact]
    public void Every_mutation_is_drawn()
    {
        var drawn = Enumerable.Range(0, 1000).SelectMany(i => Mutator.Create(FuzzSettings.DefaultSeed, i, SeedInputs.All).Mutations).ToHashSet();

        // Cutting to the size limit is not drawn: it follows the rare mutation that grows an input past it.
        Assert.Equal(Mutator.Names.Where(n => n != Mutator.CutName).Order(StringComparer.Ordinal), drawn.Order(StringComparer.Ordinal));
    }
}
