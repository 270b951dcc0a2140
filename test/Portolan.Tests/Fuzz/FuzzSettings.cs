using System.Globalization;

namespace Portolan.Tests.Fuzz;

/// <summary>
/// What one fuzz run covers: cases [First, First + Count) of the sequence that Seed determines.
/// Read from PORTOLAN_FUZZ_SEED, PORTOLAN_FUZZ_FIRST, PORTOLAN_FUZZ_COUNT, PORTOLAN_FUZZ_WORKERS,
/// PORTOLAN_FUZZ_TIMEOUT_MS and PORTOLAN_FUZZ_MINUTES (stop starting cases after that long; none by
/// default), so a failure printed as (seed, case) replays with Count = 1.
/// </summary>
public sealed record FuzzSettings(int Seed, long First, long Count, int Workers, TimeSpan PerInputLimit, TimeSpan? Duration)
{
    public const int DefaultSeed = 2;
    public const long DefaultCount = 3000;

    // CPU time of the case's thread (wall time where the OS does not report it). Normal inputs take milliseconds and
    // the slowest of a million 0.6 s (docs/fuzzing.md); quadratic work on a wide input took minutes.
    public static readonly TimeSpan DefaultPerInputLimit = TimeSpan.FromSeconds(5);

    public static FuzzSettings FromEnvironment() => new(
        (int)Read("PORTOLAN_FUZZ_SEED", DefaultSeed),
        Read("PORTOLAN_FUZZ_FIRST", 0),
        Read("PORTOLAN_FUZZ_COUNT", DefaultCount),
        (int)Read("PORTOLAN_FUZZ_WORKERS", Environment.ProcessorCount),
        TimeSpan.FromMilliseconds(Read("PORTOLAN_FUZZ_TIMEOUT_MS", (long)DefaultPerInputLimit.TotalMilliseconds)),
        Read("PORTOLAN_FUZZ_MINUTES", 0) is > 0 and var minutes ? TimeSpan.FromMinutes(minutes) : null);

    public string Replay(long index) =>
        $"PORTOLAN_FUZZ_SEED={Seed} PORTOLAN_FUZZ_FIRST={index} PORTOLAN_FUZZ_COUNT=1 " +
        "dotnet test test/Portolan.Tests --filter FullyQualifiedName~Fuzz.ListFuzzTests";

    private static long Read(string name, long fallback)
    {
        var text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"{name}={text} is not an integer");
    }
}
