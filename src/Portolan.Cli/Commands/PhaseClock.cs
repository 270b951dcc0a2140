using System.Diagnostics;

namespace Portolan.Cli.Commands;

/// <summary>
/// Wall time, CPU time (all threads), garbage-collection pauses and peak resident memory of each
/// phase of a run (list -o stats, --stats). CPU above wall time means the phase ran in parallel.
/// </summary>
public sealed class PhaseClock
{
    public sealed record Phase(string Name, TimeSpan Wall, TimeSpan Cpu, TimeSpan GcPause, long PeakRss);

    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly List<Phase> _phases = [];

    public IReadOnlyList<Phase> Phases => _phases;

    public T Time<T>(string phase, Func<T> work)
    {
        var cpu = CpuTime();
        var pause = GC.GetTotalPauseDuration();
        _watch.Restart();
        var result = work();
        var wall = _watch.Elapsed;
        _phases.Add(new Phase(phase, wall, CpuTime() - cpu, GC.GetTotalPauseDuration() - pause, PeakRss()));
        return result;
    }

    public TimeSpan Total => _phases.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Wall);

    public TimeSpan TotalCpu => _phases.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Cpu);

    public TimeSpan TotalGcPause => _phases.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.GcPause);

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static long PeakRss()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }
}
