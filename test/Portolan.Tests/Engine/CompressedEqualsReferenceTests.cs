using Portolan.Core.Analysis;
using Portolan.Kubernetes;
using Portolan.Tests.Conformance;
using Portolan.Tests.Support;

namespace Portolan.Tests.Engine;

/// <summary>The compressed engine (classes × atoms × bitsets) gives exactly the reference engine's result.</summary>
public sealed class CompressedEqualsReferenceTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void Compressed_result_equals_reference_on_corpus_inputs(string name)
    {
        var c = CorpusCase.Named("connlist", name);
        var cluster = new ManifestLoader(TextReader.Null, _ => { })
            .Load([.. c.Inputs.Select(i => Path.Combine(Paths.Conformance, i))]);
        foreach (var scope in new[] { IPBlockScope.All, IPBlockScope.External })
        {
            var analyzer = new ConnectivityAnalyzer(cluster, scope);
            Assert.Equal(Changes.Lines(analyzer.AnalyzeReference()), Changes.Lines(analyzer.Analyze()));
        }
    }

    [Fact]
    public void Compressed_result_equals_reference_on_the_example()
    {
        var cluster = new ManifestLoader(TextReader.Null, _ => { }).Load([Paths.Examples]);
        var analyzer = new ConnectivityAnalyzer(cluster, IPBlockScope.All);
        var reference = Changes.Lines(analyzer.AnalyzeReference());
        Assert.NotEmpty(reference);
        Assert.Equal(reference, Changes.Lines(analyzer.Analyze()));
    }

    [Fact]
    public void Sparse_and_transposed_pair_matrices_agree_on_random_clusters()
    {
        for (int seed = 0; seed < 200; seed++)
        {
            var cluster = new RandomCluster(seed).Cluster();
            foreach (var scope in new[] { IPBlockScope.All, IPBlockScope.External })
            {
                var engine = new Portolan.Core.Analysis.Compressed.CompressedEngine(cluster, scope);
                var sparse = engine.ReachableRowsSparse();
                var transposed = engine.ReachableRowsTransposed();
                for (int s = 0; s < sparse.Length; s++)
                    Assert.True(sparse[s].SetEquals(transposed[s]), $"seed {seed} {scope}: class {s} rows differ");
            }
        }
    }

    // ipblockstest_4 (30 pods × ~900 address atoms) takes the quadratic reference engine ~30 s, so it is
    // left out of this comparison; the corpus test checks the compressed engine on it against np-guard.
    public static TheoryData<string> Cases
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in CorpusCase.All.Where(c => c.Kind == "connlist" && c.Name != "ipblockstest_4")) data.Add(c.Name);
            return data;
        }
    }
}
