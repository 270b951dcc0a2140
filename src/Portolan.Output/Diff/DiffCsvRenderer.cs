using Portolan.Core.Analysis.Diff;

namespace Portolan.Output.Diff;

/// <summary>RFC 4180 CSV with np-guard's diff columns: diff-type,source,destination,ref1,ref2,workloads-diff-info.</summary>
public static class DiffCsvRenderer
{
    public static void Render(ConnectivityDiff diff, TextWriter output)
    {
        output.Write("diff-type,source,destination,ref1,ref2,workloads-diff-info\n");
        foreach (var e in diff.Entries)
        {
            output.Write(string.Join(",",
                DiffFormat.Kind(e.Kind), Field(e.Source.Name), Field(e.Destination.Name),
                Field(e.Before.ToString()), Field(e.After.ToString()), Field(DiffFormat.WorkloadsInfo(e))));
            output.Write('\n');
        }
    }

    private static string Field(string value) => ListCsvRenderer.Field(value);
}
