using BenchmarkDotNet.Attributes;
using Portolan.Core.Selectors;

namespace Portolan.Benchmarks;

/// <summary>Label-selector matching: matchLabels and every matchExpressions operator.</summary>
[MemoryDiagnoser]
public class SelectorBenchmarks
{
    private readonly Labels _labels = Labels.From([new("app", "api"), new("tier", "backend"), new("team", "team-07"), new("env", "prod")]);
    private readonly LabelSelector _selector = new(
    [
        new Requirement("app", SelectorOperator.In, ["api", "web"]),
        new Requirement("tier", SelectorOperator.NotIn, ["data"]),
        new Requirement("team", SelectorOperator.Exists, []),
        new Requirement("legacy", SelectorOperator.DoesNotExist, []),
    ]);

    [Benchmark]
    public bool Matches() => _selector.Matches(_labels);
}
