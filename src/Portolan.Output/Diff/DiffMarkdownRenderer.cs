using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Diff;

namespace Portolan.Output.Diff;

/// <summary>
/// A pull-request comment: a heading with counts, then one table per namespace of the destination
/// (external destinations last), each with new exposure first: added, widened, altered, narrowed, removed.
/// </summary>
public static class DiffMarkdownRenderer
{
    private const string External = "external addresses";

    public static void Render(ConnectivityDiff diff, TextWriter output)
    {
        if (diff.IsEmpty && diff.AddedWorkloads.IsEmpty && diff.RemovedWorkloads.IsEmpty)
        {
            output.Write("## Connectivity diff: no changes\n\nNo connection between workloads or external addresses was added, removed or changed.\n");
            return;
        }
        var opening = diff.Entries.Count(e => !e.Opened.IsEmpty);
        output.Write($"## Connectivity diff: {diff.Count(DiffKind.Added)} added, {diff.Count(DiffKind.Changed)} changed, {diff.Count(DiffKind.Removed)} removed\n\n");
        output.Write($"**{opening}** {(opening == 1 ? "connection opens" : "connections open")} new exposure (added, widened or altered).");
        if (!diff.AddedWorkloads.IsEmpty) output.Write($" Workloads added: {Names(diff.AddedWorkloads)}.");
        if (!diff.RemovedWorkloads.IsEmpty) output.Write($" Workloads removed: {Names(diff.RemovedWorkloads)}.");
        output.Write('\n');

        var groups = diff.Entries
            .GroupBy(e => e.Destination is WorkloadPeer w ? w.Workload.Namespace : External)
            .OrderBy(g => g.Key == External).ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            output.Write(group.Key == External ? $"\n### To {External}\n\n" : $"\n### Namespace `{Cell(group.Key)}`\n\n");
            output.Write("| change | source | destination | before | after |\n|---|---|---|---|---|\n");
            var rows = group.OrderBy(e => e.Change)
                .ThenBy(e => e.Source.Name, StringComparer.Ordinal).ThenBy(e => e.Destination.Name, StringComparer.Ordinal);
            foreach (var e in rows)
            {
                var change = DiffFormat.Change(e.Change);
                output.Write($"| {(e.Opened.IsEmpty ? change : $"**{change}**")} | `{Cell(e.Source.Name)}` | `{Cell(e.Destination.Name)}` | {Cell(e.Before.ToString())} | {Cell(e.After.ToString())} |\n");
            }
        }
        foreach (var warning in diff.Warnings) output.Write($"\n> warning: {Cell(warning)}\n");
    }

    private static string Names(IEnumerable<ReportPeer> peers) => string.Join(", ", peers.Select(p => $"`{Cell(p.Name)}`"));

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
