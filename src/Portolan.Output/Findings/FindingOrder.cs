namespace Portolan.Output.Findings;

/// <summary>Orders findings by file, line, rule, object and message, ordinally; findings without a file come first.</summary>
public sealed class FindingOrder : IComparer<Finding>
{
    public static FindingOrder Instance { get; } = new();

    public int Compare(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var c = string.CompareOrdinal(x.Location?.File ?? "", y.Location?.File ?? "");
        if (c == 0) c = (x.Location?.Line ?? 0).CompareTo(y.Location?.Line ?? 0);
        if (c == 0) c = string.CompareOrdinal(x.RuleId, y.RuleId);
        if (c == 0) c = string.CompareOrdinal(x.Object, y.Object);
        if (c == 0) c = string.CompareOrdinal(x.Message, y.Message);
        return c;
    }
}
