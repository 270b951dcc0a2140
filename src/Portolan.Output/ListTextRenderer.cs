using Portolan.Core.Analysis;

namespace Portolan.Output;

/// <summary>The corpus line format: "src => dst : connections", one line per allowed pair.</summary>
public static class ListTextRenderer
{
    public static void Render(ConnectivityResult result, TextWriter output) => Render(result.Connections, output);

    /// <summary>Streams lines as connections are produced.</summary>
    public static void Render(IEnumerable<Connection> connections, TextWriter output)
    {
        foreach (var c in connections)
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
