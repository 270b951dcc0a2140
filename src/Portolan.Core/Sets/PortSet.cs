namespace Portolan.Core.Sets;

/// <summary>Port numbers 1–65535 as an interval set.</summary>
public static class PortSet
{
    public const int MinPort = 1;
    public const int MaxPort = 65535;

    public static IntervalSet<int> All { get; } = IntervalSet<int>.Of(MinPort, MaxPort);

    public static IntervalSet<int> Range(int from, int to) => IntervalSet<int>.Of(from, to);
}
