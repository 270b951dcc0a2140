using Portolan.Core.Analysis.Diff;

namespace Portolan.Output.Diff;

/// <summary>The words every diff format shares: np-guard's diff-type and workloads-diff-info texts.</summary>
public static class DiffFormat
{
    public static string Kind(DiffKind kind) => kind switch
    {
        DiffKind.Added => "added",
        DiffKind.Removed => "removed",
        _ => "changed",
    };

    public static string Change(DiffChange change) => change.ToString().ToLowerInvariant();

    /// <summary>"workload a added" or "workload a and b removed"; empty when both peers exist on both sides.</summary>
    public static string WorkloadsInfo(DiffEntry entry) => entry.OneSidedPeers.IsEmpty
        ? ""
        : $"workload {string.Join(" and ", entry.OneSidedPeers.Select(p => p.Name))} {(entry.Kind == DiffKind.Removed ? "removed" : "added")}";
}
