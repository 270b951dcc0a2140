using System.Globalization;
using System.Text;
using Portolan.Tests.Support;
using Xunit.Abstractions;

namespace Portolan.Tests.Fuzz;

/// <summary>
/// Issue 2: mutated manifests through `portolan list` end with exit 0 or 3 and a message, never an
/// internal error, an escaped exception, a hang or unbounded allocation. PORTOLAN_FUZZ_COUNT sets
/// the number of cases (scripts/fuzz runs a million); a failure prints the line that replays it.
/// </summary>
public sealed class ListFuzzTests(ITestOutputHelper output)
{
    // Bytes allocated per input on the thread that ran it (docs/fuzzing.md, "Bounds"). Ordinary inputs stay under
    // 100 MB: the unmutated corpus peaks at 5.7 MB, about 40 bytes per input byte. The most is spent walking an alias
    // expansion just under the reader's 2,000,000-node bound: about 290 bytes per node in a selector's values, so
    // up to 600 MB of short-lived garbage. A copy per expanded node, or anything quadratic in it, would exceed this.
    private const long AllocationBudget = 1_000_000_000;

    // What the run may leave on the heap once collected: caches that grow with each input would show here.
    private const long RetainedBudget = 64_000_000;

    [Fact]
    public void List_ends_with_exit_0_or_3_on_mutated_manifests()
    {
        var settings = FuzzSettings.FromEnvironment();
        var seeds = SeedInputs.All;
        Assert.NotEmpty(seeds);
        var work = Path.Combine(Paths.RepoRoot, "artifacts", "fuzz", $"work-seed{settings.Seed}-first{settings.First}");
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);

        CliRunner.Run("list", Path.Combine(Paths.Examples, "shop"));
        var retainedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var report = new FuzzRunner(settings, seeds, work, AllocationBudget).Run();
        var retained = GC.GetTotalMemory(forceFullCollection: true) - retainedBefore;

        var summary = Summary(settings, report, retained);
        output.WriteLine(summary);
        File.WriteAllText(Path.Combine(work, "..", $"summary-seed{settings.Seed}-first{settings.First}-count{settings.Count}.txt"), summary);
        Assert.True(report.Failures.Count == 0, Failures(settings, report));
        if (!report.OutOfTime) Assert.Equal(settings.Count, report.Statistics.Cases);
        Assert.True(retained < RetainedBudget, $"the heap kept {retained / 1_000_000} MB after the run (budget {RetainedBudget / 1_000_000} MB)");
        Directory.Delete(work, recursive: true);
    }

    private static string Summary(FuzzSettings settings, FuzzRunner.Report report, long retained)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"seed {settings.Seed}, cases {settings.First}..{settings.First + settings.Count - 1}, {settings.Workers} workers, {SeedInputs.All.Count} seed inputs");
        text.AppendLine(inv, $"ran {report.Statistics.Cases} cases in {report.Elapsed.TotalSeconds:F1} s ({report.Statistics.Cases / Math.Max(0.001, report.Elapsed.TotalSeconds):F0}/s), {report.Failures.Count} failures{(report.OutOfTime ? $", stopped after PORTOLAN_FUZZ_MINUTES={settings.Duration!.Value.TotalMinutes:F0}" : "")}");
        text.AppendLine(inv, $"heap retained after the run: {retained / 1_000_000.0:F1} MB; peak working set {Environment.WorkingSet / 1_000_000} MB now, {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1_000_000} MB peak");
        text.Append(report.Statistics.Render());
        return text.ToString();
    }

    private static string Failures(FuzzSettings settings, FuzzRunner.Report report)
    {
        var text = new StringBuilder();
        foreach (var f in report.Failures)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{f.Description}: {f.Problem}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  input saved at {f.SavedInput}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  replay: {settings.Replay(f.Index)}");
        }
        return text.ToString();
    }
}
