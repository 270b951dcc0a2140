using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Model;
using Portolan.Kubernetes;
using Portolan.Server.Checks;
using Portolan.Server.State;

namespace Portolan.Server.Admission;

/// <summary>
/// Decides one admission request: parse the object, preview the change on the stored state, run the
/// checks. Denied when a check denies (or the object is invalid); otherwise allowed with the exposure
/// and the checks' warnings. Never stores the change: the stored state comes from the state source.
/// </summary>
public sealed class AdmissionDecider(PolicyState state, int warningLimit = ExposureWarnings.DefaultLimit)
{
    public AdmissionDecision Decide(AdmissionRequest request)
    {
        if (!AdmittedKinds.TryGet(request.Kind, out var kind))
        {
            var gvk = request.Kind!;
            var group = string.IsNullOrEmpty(gvk.Group) ? "core" : gvk.Group;
            return AdmissionDecision.Allow([$"portolan: kind {gvk.Kind} ({group}/{gvk.Version}) is not a policy kind Portolan analyses; allowed without analysis"]);
        }
        if (request.Operation == "CONNECT") return AdmissionDecision.Allow([$"portolan: {request.Operation} is not a change to analyse; allowed"]);
        var key = new PolicyKey(kind, AdmittedKinds.IsClusterScoped(kind) ? null : request.Namespace, request.Name ?? "");
        Policy? replacement = null;
        var warnings = new List<string>();
        if (request.Operation != "DELETE")
        {
            if (request.Object is not { } element) return AdmissionDecision.Deny($"portolan: {request.Operation} of {kind} {request.Name} carries no request.object to analyse");
            try
            {
                (replacement, var parseWarnings) = PolicyObjectReader.Read(element, request);
                warnings.AddRange(parseWarnings.Select(w => $"portolan: {w}"));
            }
            catch (ManifestException e)
            {
                return AdmissionDecision.Deny($"portolan: invalid {e.ObjectName ?? kind.ToString()}: {e.Problem}");
            }
            key = PolicyKey.Of(replacement);
        }
        var preview = state.Preview(key, replacement);
        if (preview is not var (proposal, findings)) return AdmissionDecision.Allow([$"portolan: {key} is not in the analysed state; deleting it changes nothing Portolan knows of"]);
        var denials = findings.Where(f => f.Severity == FindingSeverity.Deny).ToList();
        if (denials.Count > 0)
        {
            var verb = Verb(proposal.Change);
            return AdmissionDecision.Deny($"portolan: {verb} {key} is refused: " + string.Join("; ", denials.Select(d => $"[{d.Check}] {d.Message}")));
        }
        warnings.InsertRange(0, ExposureWarnings.For(proposal.Effect.Opened, proposal.Effect.Closed, warningLimit));
        warnings.AddRange(findings.Select(f => $"portolan: [{f.Check}] {f.Message}"));
        return AdmissionDecision.Allow(warnings);
    }

    private static string Verb(Change change) => change switch
    {
        PolicyAdded => "creating",
        PolicyRemoved => "deleting",
        _ => "changing",
    };
}
