using System.Diagnostics;
using System.Globalization;
using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Compressed;
using Portolan.Kubernetes;

namespace Portolan.Benchmarks;

/// <summary>
/// `scale DIR`: loads a generated cluster once, then times an incremental policy change (median of
/// 21 apply-and-revert pairs, reported per change) and an eval query (median over 10,000 queries).
/// </summary>
public static class ScaleRunner
{
    public static int Run(string directory)
    {
        var cluster = new ManifestLoader(TextReader.Null, _ => { }).Load([directory]);
        var state = new IncrementalAnalysis(cluster, IPBlockScope.All);
        var change = new ChangeScenario(cluster);
        var changes = new List<double>();
        for (int i = 0; i < 21; i++)
        {
            var watch = Stopwatch.StartNew();
            change.ApplyAndRevert(state);
            changes.Add(watch.Elapsed.TotalMilliseconds / 2);
        }
        var eval = new EvalScenario(cluster);
        var queries = new List<double>();
        for (int round = 0; round < 10; round++)
        {
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < 1000; i++) eval.Run();
            queries.Add(watch.Elapsed.TotalMicroseconds / 1000);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"incremental policy change: median {Median(changes):0.0} ms (of {changes.Count}); eval query: median {Median(queries):0.0} µs"));
        return 0;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
