using System.Diagnostics;

namespace Portolan.Cli.Commands;

/// <summary>Wall time and peak resident memory of each phase of a run (list -o stats, --stats).</summary>
public sealed class PhaseClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly List<(string Phase, TimeSpan Time, long PeakRss)> _phases = [];

    public IReadOnlyList<(string Phase, TimeSpan Time, long PeakRss)> Phases => _phases;

    public T Time<T>(string phase, Func<T> work)
    {
        _watch.Restart();
        var result = work();
        _phases.Add((phase, _watch.Elapsed, PeakRss()));
        return result;
    }

    public TimeSpan Total => _phases.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Time);

    private static long PeakRss()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }
}
