using System.Diagnostics;
using Portolan.Tests.Support;

namespace Portolan.Tests.Fuzz;

/// <summary>
/// Runs cases through the real CLI on worker threads. Each input is a file under the work directory
/// while it runs, named after its case, so if the process dies (stack overflow, OOM kill) the files
/// left behind are the cases in flight. Each case's time is the worker thread's CPU time where the OS
/// reports it (wall time elsewhere); a watchdog fails a case still running after <see cref="HangFactor"/>
/// times the limit in wall time.
/// </summary>
public sealed class FuzzRunner(FuzzSettings settings, IReadOnlyList<SeedInputs.Input> seeds, string workDirectory, long allocationBudget)
{
    public const int MaxFailures = 10;

    // A case at the CPU limit may need several times that in wall time on a loaded machine; a hang needs forever.
    public const int HangFactor = 6;

    /// <summary>A failed case, described (its bytes are in the saved file, not held for the rest of the run).</summary>
    public sealed record Failure(string Description, long Index, string Problem, string? SavedInput);

    /// <summary>The run's result; OutOfTime when the duration setting stopped it before Count cases.</summary>
    public sealed record Report(FuzzStatistics Statistics, IReadOnlyList<Failure> Failures, TimeSpan Elapsed, bool OutOfTime);

    // While a long run goes, how far it is: artifacts/fuzz/progress-*.txt, rewritten this often.
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(30);

    private sealed class Slot
    {
        public long Index = -1;
        public long StartedAt;
        public Mutator.Case? Case;
    }

    private readonly List<Failure> _failures = [];
    private readonly Stopwatch _watch = new();
    private long _next;
    private long _done;
    private volatile bool _stop;
    private volatile bool _outOfTime;

    public Report Run()
    {
        _watch.Start();
        var progress = TimeSpan.Zero;
        var slots = Enumerable.Range(0, Math.Max(1, settings.Workers)).Select(_ => new Slot()).ToArray();
        var statistics = slots.Select(_ => new FuzzStatistics()).ToArray();
        var threads = slots.Select((slot, w) => new Thread(() => Work(slot, statistics[w], Path.Combine(workDirectory, $"w{w}")))
        {
            IsBackground = true,
            Name = $"fuzz-{w}",
        }).ToArray();
        foreach (var thread in threads) thread.Start();
        var hung = new HashSet<int>();
        while (true)
        {
            var running = threads.Where((t, w) => t.IsAlive && !hung.Contains(w)).ToList();
            if (running.Count == 0) break;
            running[0].Join(100);
            if (_watch.Elapsed - progress > ProgressEvery)
            {
                progress = _watch.Elapsed;
                File.WriteAllText(Path.Combine(workDirectory, "..", $"progress-seed{settings.Seed}-first{settings.First}.txt"),
                    $"{Interlocked.Read(ref _done)} of {settings.Count} cases after {progress.TotalMinutes:F1} min, {_failures.Count} failures\n");
            }
            for (int w = 0; w < slots.Length; w++)
            {
                var slot = slots[w];
                var started = Interlocked.Read(ref slot.StartedAt);
                if (started == 0 || hung.Contains(w) || Stopwatch.GetElapsedTime(started) <= settings.PerInputLimit * HangFactor) continue;
                hung.Add(w);
                _stop = true;
                Fail(slot.Case, slot.Index, $"no result after {(settings.PerInputLimit * HangFactor).TotalSeconds:F0} s (hang)");
            }
        }
        var total = new FuzzStatistics();
        foreach (var s in statistics) total.Merge(s);
        lock (_failures) return new Report(total, [.. _failures], _watch.Elapsed, _outOfTime);
    }

    private void Work(Slot slot, FuzzStatistics statistics, string directory)
    {
        Directory.CreateDirectory(directory);
        while (!_stop)
        {
            if (_watch.Elapsed > settings.Duration)
            {
                _outOfTime = true;
                return;
            }
            var offset = Interlocked.Increment(ref _next) - 1;
            if (offset >= settings.Count) return;
            Mutator.Case c;
            try
            {
                c = Mutator.Create(settings.Seed, settings.First + offset, seeds);
            }
            catch (Exception e)
            {
                Fail(null, settings.First + offset, $"the mutator failed (a bug in the test): {e}");
                continue;
            }
            var file = Path.Combine(directory, $"case-{c.Index}{Extension(c)}");
            File.WriteAllBytes(file, c.Bytes);
            slot.Case = c;
            slot.Index = c.Index;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var cpuBefore = ThreadCpuTime.Now();
            Interlocked.Exchange(ref slot.StartedAt, Stopwatch.GetTimestamp());
            CliRunner.Result? result = null;
            Exception? escaped = null;
            try
            {
                result = CliRunner.Run("list", file, "-o", c.Format);
            }
            catch (Exception e)
            {
                escaped = e;
            }
            var wall = Stopwatch.GetElapsedTime(Interlocked.Exchange(ref slot.StartedAt, 0));
            var elapsed = ThreadCpuTime.Now() - cpuBefore ?? wall;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            var problem = escaped is not null ? $"exception escaped the CLI: {escaped}"
                : Verdict.Problem(result!.Exit, result.Stdout, result.Stderr, file) is { } p ? $"{p}; stderr: {Head(result.Stderr)}"
                : elapsed > settings.PerInputLimit ? $"took {elapsed.TotalSeconds:F1} s of {(ThreadCpuTime.Available ? "CPU" : "wall")} time (limit {settings.PerInputLimit.TotalSeconds:F0} s)"
                : allocated > allocationBudget ? $"allocated {allocated / 1_000_000} MB (budget {allocationBudget / 1_000_000} MB)"
                : null;
            if (problem is not null) Fail(c, c.Index, problem);
            File.Delete(file);
            statistics.Add(c, result?.Exit ?? -1, elapsed, wall, allocated);
            Interlocked.Increment(ref _done);
        }
    }

    private void Fail(Mutator.Case? c, long index, string problem)
    {
        var failure = new Failure(c?.Describe() ?? $"case {index}", index, problem, Save(c));
        lock (_failures)
        {
            _failures.Add(failure);
            if (_failures.Count >= MaxFailures) _stop = true;
        }
    }

    private string? Save(Mutator.Case? c)
    {
        if (c is null) return null;
        var directory = Path.Combine(workDirectory, "..", "failures");
        Directory.CreateDirectory(directory);
        var path = Path.GetFullPath(Path.Combine(directory, $"seed{settings.Seed}-case{c.Index}{Extension(c)}"));
        File.WriteAllBytes(path, c.Bytes);
        return path;
    }

    private static string Extension(Mutator.Case c) => Path.GetExtension(c.SeedName);

    private static string Head(string text) => text.Length > 2000 ? text[..2000] + "…" : text;
}
