using BenchmarkDotNet.Attributes;
using Portolan.Core.Sets;

namespace Portolan.Benchmarks;

/// <summary>The interval-set algebra every rule and port computation stands on.</summary>
[MemoryDiagnoser]
public class SetBenchmarks
{
    private IntervalSet<int> _a = IntervalSet<int>.Empty;
    private IntervalSet<int> _b = IntervalSet<int>.Empty;
    private ConnectionSet _x = ConnectionSet.None;
    private ConnectionSet _y = ConnectionSet.None;

    [GlobalSetup]
    public void Setup()
    {
        _a = IntervalSet<int>.FromIntervals(Enumerable.Range(0, 100).Select(i => new Interval<int>(i * 600 + 1, i * 600 + 300)));
        _b = IntervalSet<int>.FromIntervals(Enumerable.Range(0, 100).Select(i => new Interval<int>(i * 600 + 200, i * 600 + 500)));
        _x = ConnectionSet.Of(Protocol.TCP, _a).Union(ConnectionSet.Of(Protocol.UDP, 53, 53));
        _y = ConnectionSet.Of(Protocol.TCP, _b).Union(ConnectionSet.AllPorts(Protocol.SCTP));
    }

    [Benchmark]
    public IntervalSet<int> Union() => _a.Union(_b);

    [Benchmark]
    public IntervalSet<int> Intersect() => _a.Intersect(_b);

    [Benchmark]
    public IntervalSet<int> Subtract() => _a.Subtract(_b);

    [Benchmark]
    public ConnectionSet ConnectionSetUnion() => _x.Union(_y);
}
