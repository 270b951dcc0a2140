using System.Text.Json.Serialization;

namespace Portolan.Server.Admission;

/// <summary>Source-generated JSON for the webhook's envelopes (no reflection on the request path).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdmissionReview))]
[JsonSerializable(typeof(ErrorBody))]
internal sealed partial class AdmissionJson : JsonSerializerContext;

/// <summary>The body of a 400: what was wrong with the review.</summary>
public sealed record ErrorBody([property: JsonPropertyName("error")] string Error);
