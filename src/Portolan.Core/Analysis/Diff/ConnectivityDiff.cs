using System.Collections.Immutable;

namespace Portolan.Core.Analysis.Diff;

/// <summary>
/// What changed between two connectivity results. Entries are in report order: grouped by kind
/// (changed, added, removed), each group sorted ordinally by (source, destination). Workloads are
/// the peers present on one side only, sorted by name. Warnings are each side's, prefixed by the side.
/// </summary>
public sealed record ConnectivityDiff(
    ImmutableArray<DiffEntry> Entries,
    ImmutableArray<ReportPeer> AddedWorkloads,
    ImmutableArray<ReportPeer> RemovedWorkloads,
    ImmutableArray<string> Warnings)
{
    public bool IsEmpty => Entries.IsEmpty;

    public int Count(DiffKind kind) => Entries.Count(e => e.Kind == kind);
}
