using System.Text.Json;
using Portolan.Core.Sets;

namespace Portolan.Output.Html;

/// <summary>The distinct connection sets of a page, numbered in order of first use; cells refer to them by number.</summary>
internal sealed class SetTable
{
    private readonly Numbering<ConnectionSet> _sets = new();

    public int Id(ConnectionSet set) => _sets.Id(set);

    /// <summary>"sets": [{text, all, TCP: [[from, to]], UDP: [...], SCTP: [...]}]: the text to show, the intervals to filter on.</summary>
    public void Write(Utf8JsonWriter json)
    {
        json.WriteStartArray("sets");
        foreach (var set in _sets.Items)
        {
            json.WriteStartObject();
            json.WriteString("text", set.ToString());
            json.WriteBoolean("all", set.IsAll);
            foreach (var protocol in Protocols.All)
            {
                json.WriteStartArray(protocol.ToString());
                foreach (var interval in set[protocol].Intervals)
                {
                    json.WriteStartArray();
                    json.WriteNumberValue(interval.Start);
                    json.WriteNumberValue(interval.End);
                    json.WriteEndArray();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
