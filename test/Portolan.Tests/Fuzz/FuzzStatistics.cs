using System.Globalization;
using System.Text;

namespace Portolan.Tests.Fuzz;

/// <summary>Counts per exit code and mutation, and the slowest and most allocating cases, per worker then merged.</summary>
public sealed class FuzzStatistics
{
    public sealed record Sample(long Index, string Description, TimeSpan Elapsed, TimeSpan Wall, long AllocatedBytes);

    private const int Kept = 5;

    private readonly Dictionary<int, long> _exits = [];
    private readonly Dictionary<(string Mutation, int Exit), long> _byMutation = [];
    private readonly List<Sample> _slowest = [];
    private readonly List<Sample> _largest = [];

    public long Cases { get; private set; }

    /// <summary>One case: <paramref name="elapsed"/> is the time the limit applies to (CPU where available), <paramref name="wall"/> the wall time.</summary>
    public void Add(Mutator.Case c, int exit, TimeSpan elapsed, TimeSpan wall, long allocated)
    {
        Cases++;
        _exits[exit] = _exits.GetValueOrDefault(exit) + 1;
        foreach (var mutation in c.Mutations.Distinct()) _byMutation[(mutation, exit)] = _byMutation.GetValueOrDefault((mutation, exit)) + 1;
        var sample = new Sample(c.Index, c.Describe(), elapsed, wall, allocated);
        Keep(_slowest, sample, s => s.Elapsed.Ticks);
        Keep(_largest, sample, s => s.AllocatedBytes);
    }

    public void Merge(FuzzStatistics other)
    {
        Cases += other.Cases;
        foreach (var (exit, n) in other._exits) _exits[exit] = _exits.GetValueOrDefault(exit) + n;
        foreach (var (key, n) in other._byMutation) _byMutation[key] = _byMutation.GetValueOrDefault(key) + n;
        foreach (var s in other._slowest) Keep(_slowest, s, x => x.Elapsed.Ticks);
        foreach (var s in other._largest) Keep(_largest, s, x => x.AllocatedBytes);
    }

    public IReadOnlyList<Sample> Slowest => _slowest;

    public IReadOnlyList<Sample> Largest => _largest;

    public string Render()
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"exit codes: {string.Join(", ", _exits.OrderBy(e => e.Key).Select(e => $"{e.Key}: {e.Value}"))}");
        text.AppendLine("mutation: cases with exit 0 / exit 3");
        foreach (var name in Mutator.Names.Order(StringComparer.Ordinal))
        {
            text.AppendLine(inv, $"  {name}: {_byMutation.GetValueOrDefault((name, 0))} / {_byMutation.GetValueOrDefault((name, 3))}");
        }
        text.AppendLine(inv, $"slowest ({(ThreadCpuTime.Available ? "CPU" : "wall")} time; wall time in brackets):");
        foreach (var s in _slowest) text.AppendLine(inv, $"  {s.Elapsed.TotalMilliseconds:F0} ms ({s.Wall.TotalMilliseconds:F0} ms), {s.AllocatedBytes / 1_000_000.0:F1} MB: {s.Description}");
        text.AppendLine("most allocating:");
        foreach (var s in _largest) text.AppendLine(inv, $"  {s.AllocatedBytes / 1_000_000.0:F1} MB, {s.Elapsed.TotalMilliseconds:F0} ms ({s.Wall.TotalMilliseconds:F0} ms): {s.Description}");
        return text.ToString();
    }

    private static void Keep(List<Sample> kept, Sample sample, Func<Sample, long> measure)
    {
        if (kept.Count == Kept && measure(kept[^1]) >= measure(sample)) return;
        kept.Add(sample);
        kept.Sort((a, b) => measure(b).CompareTo(measure(a)));
        if (kept.Count > Kept) kept.RemoveAt(Kept);
    }
}
