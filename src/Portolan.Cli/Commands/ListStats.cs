using System.Globalization;
using Portolan.Core.Analysis.Compressed;

namespace Portolan.Cli.Commands;

/// <summary>The counts and phase figures of list -o stats (and --stats on stderr).</summary>
public static class ListStats
{
    public static void Write(TextWriter output, CompressedEngine engine, CompressedReport report, long? workloadPairs, PhaseClock clock)
    {
        var cluster = engine.Cluster;
        var rows = new List<(string, string)>
        {
            ("namespaces", Count(cluster.Pods.Select(p => p.Namespace).Concat(cluster.Namespaces.Keys).Distinct(StringComparer.Ordinal).Count())),
            ("pods", Count(cluster.Pods.Length)),
            ("workloads", Count(report.WorkloadPeers)),
            ("classes", Count(engine.ClassCount)),
            ("connection atoms", Count(engine.Atoms.Count)),
            ("external ranges", Count(engine.SourceAtoms.Length + engine.DestinationAtoms.Length)),
            ("policy profiles", Count(engine.ProfileCount)),
            ("policies", Count(cluster.Policies.Length)),
        };
        if (workloadPairs is { } pairs) rows.Add(("allowed workload pairs", Count(pairs)));
        foreach (var (name, value) in rows) output.Write($"{name,-24}{value,14}\n");
        output.Write($"\n{"phase",-10}{"time",12}{"cpu",12}{"gc pauses",12}{"peak RSS",12}\n");
        foreach (var p in clock.Phases)
            output.Write($"{p.Name,-10}{Seconds(p.Wall),12}{Seconds(p.Cpu),12}{Seconds(p.GcPause),12}{Mebibytes(p.PeakRss),12}\n");
        output.Write($"{"total",-10}{Seconds(clock.Total),12}{Seconds(clock.TotalCpu),12}{Seconds(clock.TotalGcPause),12}\n");
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s";

    private static string Mebibytes(long bytes) => (bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture) + " MiB";
}
