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
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var pause = GC.GetTotalPauseDuration();
        _watch.Restart();
        var result = work();
        var wall = _watch.Elapsed;
        process.Refresh();
        _phases.Add(new Phase(phase, wall, process.TotalProcessorTime - cpu, GC.GetTotalPauseDuration() - pause, process.PeakWorkingSet64));
        return result;
    }

    public TimeSpan Total => _phases.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Wall);

    public TimeSpan TotalCpu => _phases.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Cpu);

    public TimeSpan TotalGcPause => _phases.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.GcPause);
}
