namespace Portolan.Core.Analysis.Diff;

/// <summary>
/// A finer reading of <see cref="DiffKind"/> for reviewers, ordered by exposure: what opens comes
/// first (added, widened, altered both ways), then what only closes.
/// </summary>
public enum DiffChange
{
    Added,
    Widened,
    Altered,
    Narrowed,
    Removed,
}
