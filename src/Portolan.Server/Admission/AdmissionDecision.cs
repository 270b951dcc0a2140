namespace Portolan.Server.Admission;

/// <summary>The webhook's answer to one request, before it is wrapped in an AdmissionReview.</summary>
public sealed record AdmissionDecision(bool Allowed, string? Message, IReadOnlyList<string> Warnings)
{
    public static AdmissionDecision Allow(IReadOnlyList<string> warnings) => new(true, null, warnings);

    public static AdmissionDecision Deny(string message, IReadOnlyList<string>? warnings = null) => new(false, message, warnings ?? []);

    public AdmissionResponse ToResponse(string uid) => new()
    {
        Uid = uid,
        Allowed = Allowed,
        Status = Allowed ? null : new AdmissionStatus { Code = 403, Reason = "Forbidden", Message = Message },
        Warnings = Warnings.Count == 0 ? null : Warnings,
    };
}
