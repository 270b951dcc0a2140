using System.Text.Json;

namespace Portolan.Server.Admission;

/// <summary>Reads and checks an AdmissionReview v1 body; anything the webhook cannot answer is a <see cref="MalformedReviewException"/>.</summary>
public static class ReviewReader
{
    public static readonly string[] Operations = ["CREATE", "UPDATE", "DELETE", "CONNECT"];

    public static AdmissionReview Read(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty) throw new MalformedReviewException("the request body is empty: expected an AdmissionReview (admission.k8s.io/v1) as JSON");
        AdmissionReview? review;
        try
        {
            review = JsonSerializer.Deserialize(body, AdmissionJson.Default.AdmissionReview);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}" : "";
            throw new MalformedReviewException($"the request body is not an AdmissionReview JSON object{where}: {FirstSentence(e.Message)}");
        }
        if (review is null) throw new MalformedReviewException("the request body is JSON null: expected an AdmissionReview (admission.k8s.io/v1)");
        if (review.Kind != "AdmissionReview")
            throw new MalformedReviewException($"kind is {Quoted(review.Kind)}: expected \"AdmissionReview\"");
        if (review.ApiVersion != AdmissionReview.Version)
            throw new MalformedReviewException($"apiVersion is {Quoted(review.ApiVersion)}: expected \"{AdmissionReview.Version}\" (set admissionReviewVersions: [\"v1\"] in the webhook configuration)");
        var request = review.Request ?? throw new MalformedReviewException("request is missing: an AdmissionReview sent to a webhook carries a request");
        if (string.IsNullOrEmpty(request.Uid)) throw new MalformedReviewException("request.uid is missing: the response must echo it");
        if (string.IsNullOrEmpty(request.Kind?.Kind)) throw new MalformedReviewException("request.kind.kind is missing");
        if (!Operations.Contains(request.Operation, StringComparer.Ordinal))
            throw new MalformedReviewException($"request.operation is {Quoted(request.Operation)}: expected one of {string.Join(", ", Operations)}");
        return review;
    }

    private static string Quoted(string? value) => value is null ? "missing" : $"\"{value}\"";

    // System.Text.Json appends "Path: $ | LineNumber: ..." to its messages; the location is given separately.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }
}
