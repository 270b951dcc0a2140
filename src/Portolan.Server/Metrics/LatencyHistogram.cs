using System.Globalization;
using System.Text;

namespace Portolan.Server.Metrics;

/// <summary>A Prometheus histogram of seconds with fixed buckets; lock-free counting.</summary>
public sealed class LatencyHistogram
{
    public static readonly double[] Bounds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly long[] _buckets = new long[Bounds.Length];
    private long _count;
    private long _sumMicroseconds;

    public long Count => Interlocked.Read(ref _count);

    public void Observe(TimeSpan elapsed)
    {
        var seconds = elapsed.TotalSeconds;
        for (int i = 0; i < Bounds.Length; i++)
        {
            if (seconds <= Bounds[i]) Interlocked.Increment(ref _buckets[i]);
        }
        Interlocked.Add(ref _sumMicroseconds, (long)(elapsed.Ticks / 10));
        Interlocked.Increment(ref _count);
    }

    public void WriteTo(StringBuilder text, string name)
    {
        for (int i = 0; i < Bounds.Length; i++)
            text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{le=\"{Bounds[i].ToString(CultureInfo.InvariantCulture)}\"}} {Interlocked.Read(ref _buckets[i])}\n");
        var count = Count;
        text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{le=\"+Inf\"}} {count}\n");
        text.Append(CultureInfo.InvariantCulture, $"{name}_sum {(Interlocked.Read(ref _sumMicroseconds) / 1e6).ToString("0.######", CultureInfo.InvariantCulture)}\n");
        text.Append(CultureInfo.InvariantCulture, $"{name}_count {count}\n");
    }
}
