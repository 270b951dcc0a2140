using System.Collections.Immutable;

namespace Portolan.Nftables.Lab;

/// <summary>A probe's kernel verdicts under two rulesets, and what <c>diff</c> says about that pair and port.</summary>
public sealed record ProbeChange(Probe Probe, bool Before, bool After, bool DiffOpened, bool DiffClosed)
{
    public bool Opened => !Before && After;

    public bool Closed => Before && !After;

    public bool DiffAgrees => Opened == DiffOpened && Closed == DiffClosed;
}

/// <summary>
/// What applying the second ruleset changed on the kernel, for probes run in both rounds, checked against
/// the diff of the two analyses. Mismatches also include probes the diff says changed but the kernel did
/// not. Uncovered counts probes the diff cannot speak for: between pods of one workload (diff reports
/// workloads, not a workload with itself).
/// </summary>
public sealed record LabChange(ImmutableArray<ProbeChange> Changes, ImmutableArray<ProbeChange> Mismatches, int Compared, int Uncovered)
{
    public IEnumerable<ProbeChange> Opened => Changes.Where(c => c.Opened);

    public IEnumerable<ProbeChange> Closed => Changes.Where(c => c.Closed);

    public bool AgreesWithDiff => Mismatches.IsEmpty;
}
