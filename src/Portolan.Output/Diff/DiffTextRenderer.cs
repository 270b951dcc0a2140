using Portolan.Core.Analysis.Diff;

namespace Portolan.Output.Diff;

/// <summary>
/// The corpus' diff line format (conformance README, diff): nothing when nothing changed, else a
/// header and one "diff-type: ..., source: ..., destination: ..., ref1: ..., ref2: ..." line per pair.
/// </summary>
public static class DiffTextRenderer
{
    public static void Render(ConnectivityDiff diff, TextWriter output)
    {
        if (diff.IsEmpty) return;
        output.Write("Connectivity diff:\n");
        foreach (var e in diff.Entries)
        {
            output.Write($"diff-type: {DiffFormat.Kind(e.Kind)}, source: {e.Source.Name}, destination: {e.Destination.Name}, ref1: {e.Before}, ref2: {e.After}");
            var info = DiffFormat.WorkloadsInfo(e);
            if (info.Length > 0) output.Write($", workloads-diff-info: {info}");
            output.Write('\n');
        }
    }
}
