using System.Globalization;

namespace Portolan.Tests.Fuzz;

/// <summary>
/// CPU time of the calling thread, so a time limit holds on a loaded machine where wall time does not.
/// Linux exposes it in /proc/thread-self/schedstat (first field, nanoseconds); elsewhere it is null
/// and the caller falls back to wall time.
/// </summary>
public static class ThreadCpuTime
{
    private const string Path = "/proc/thread-self/schedstat";

    public static bool Available { get; } = OperatingSystem.IsLinux() && File.Exists(Path);

    public static TimeSpan? Now()
    {
        if (!Available) return null;
        var text = File.ReadAllText(Path);
        var end = text.IndexOf(' ', StringComparison.Ordinal);
        return TimeSpan.FromTicks(long.Parse(text.AsSpan(0, end < 0 ? text.Length : end), NumberStyles.None, CultureInfo.InvariantCulture) / 100);
    }
}
