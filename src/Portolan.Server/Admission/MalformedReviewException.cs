namespace Portolan.Server.Admission;

/// <summary>The body is not an AdmissionReview v1 the webhook can answer: HTTP 400 with this message.</summary>
public sealed class MalformedReviewException(string message) : Exception(message);
