using Portolan.Core.Analysis;

namespace Portolan.Output;

/// <summary>RFC 4180 CSV: source,destination,connections.</summary>
public static class ListCsvRenderer
{
    public static void Render(ConnectivityResult result, TextWriter output)
    {
        output.Write("source,destination,connections\n");
        foreach (var c in result.Connections)
        {
            output.Write($"{Field(c.Source.Name)},{Field(c.Destination.Name)},{Field(c.Allowed.ToString())}\n");
        }
    }

    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
