namespace Portolan.Core.Analysis.Diff;

/// <summary>How one pair of peers changed; the order is the report's group order (conformance README, diff).</summary>
public enum DiffKind
{
    /// <summary>Something was allowed on both sides, but not the same thing.</summary>
    Changed,

    /// <summary>Nothing was allowed before; something is now.</summary>
    Added,

    /// <summary>Something was allowed before; nothing is now.</summary>
    Removed,
}
