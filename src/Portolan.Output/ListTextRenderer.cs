using Portolan.Core.Analysis;

namespace Portolan.Output;

/// <summary>The corpus line format: "src => dst : connections", one line per allowed pair.</summary>
public static class ListTextRenderer
{
    public static void Render(ConnectivityResult result, TextWriter output)
    {
        foreach (var c in result.Connections)
        {
            output.Write(c.Source.Name);
            output.Write(" => ");
            output.Write(c.Destination.Name);
            output.Write(" : ");
            output.Write(c.Allowed.ToString());
            output.Write('\n');
        }
    }
}
