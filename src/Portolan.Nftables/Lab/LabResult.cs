using System.Collections.Immutable;
using Portolan.Core.Analysis;
using Portolan.Core.Model;

namespace Portolan.Nftables.Lab;

/// <summary>One probe with both verdicts; Explanation is the analysis' path through the tiers for it.</summary>
public sealed record ProbeOutcome(Probe Probe, bool AnalysisAllowed, KernelVerdict Kernel, EvalResult Explanation)
{
    public bool KernelAllowed => Kernel == KernelVerdict.Allowed;

    public bool Agrees => AnalysisAllowed == KernelAllowed;
}

/// <summary>Wall time of one phase (setup, apply, listen, probe, analyse, teardown).</summary>
public sealed record LabPhase(string Name, TimeSpan Time);

/// <summary>
/// One round of probes against one applied ruleset. Notes say what the lab changed or skipped
/// (single-stack pods, reassigned IPs, cross-family pairs, SCTP, external ranges without a lab address).
/// </summary>
public sealed record LabResult(
    Cluster Cluster,
    ImmutableArray<LabHost> Hosts,
    LabRuleset Ruleset,
    ImmutableArray<ProbeOutcome> Outcomes,
    ImmutableArray<string> Notes,
    ImmutableArray<LabPhase> Phases)
{
    public ImmutableArray<ProbeOutcome> Disagreements => [.. Outcomes.Where(o => !o.Agrees)];

    public int Agreements => Outcomes.Count(o => o.Agrees);

    public bool AllAgree => Outcomes.All(o => o.Agrees);
}
