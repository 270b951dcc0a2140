using System.Text.Json;
using Portolan.Core.Analysis;

namespace Portolan.Output;

/// <summary>kind EvalResult: the verdict and each side's path (docs/output-schemas.md).</summary>
public static class EvalJsonRenderer
{
    public static void Render(EvalResult result, Stream output)
    {
        using (var json = new Utf8JsonWriter(output, JsonShapes.Options))
        {
            json.WriteStartObject();
            json.WriteString("apiVersion", Schema.ApiVersion);
            json.WriteString("kind", "EvalResult");
            json.WriteBoolean("allowed", result.Allowed);
            JsonShapes.WritePeer(json, "source", result.Source);
            JsonShapes.WritePeer(json, "destination", result.Destination);
            json.WriteString("protocol", result.Protocol.ToString());
            json.WriteNumber("port", result.Port);
            json.WriteString("portName", result.PortName);
            WriteSide(json, "egress", result.Egress);
            WriteSide(json, "ingress", result.Ingress);
            json.WriteEndObject();
        }
        output.WriteByte((byte)'\n');
    }

    private static void WriteSide(Utf8JsonWriter json, string name, SideExplanation? side)
    {
        if (side is null)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartObject(name);
        json.WriteBoolean("allowed", side.Allowed);
        json.WriteStartArray("path");
        foreach (var step in side.Path)
        {
            json.WriteStartObject();
            json.WriteString("tier", step.Tier?.ToString() ?? "Default");
            json.WriteString("outcome", step.Outcome.ToString());
            // Keys are stable (docs/output-schemas.md): what does not apply is null or [], never absent.
            if (step.Policy is null)
            {
                json.WriteNull("policy");
            }
            else
            {
                json.WriteStartObject("policy");
                json.WriteString("kind", step.Policy.Kind.ToString());
                json.WriteString("namespace", step.Policy.Namespace);
                json.WriteString("name", step.Policy.Name);
                json.WriteString("location", step.Policy.Origin.ToString());
                json.WriteEndObject();
            }
            if (step.Rule is null)
            {
                json.WriteNull("rule");
            }
            else
            {
                json.WriteStartObject("rule");
                json.WriteString("name", step.Rule.Name);
                json.WriteString("action", EvalTextRenderer.Action(step.Rule.Action, step.Policy!.Kind));
                json.WriteString("location", step.Rule.Origin.ToString());
                json.WriteEndObject();
            }
            json.WriteStartArray("isolatedBy");
            foreach (var policy in step.Isolating) json.WriteStringValue(policy.DisplayName);
            json.WriteEndArray();
            json.WriteString("text", EvalTextRenderer.Describe(step));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
