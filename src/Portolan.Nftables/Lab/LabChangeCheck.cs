using System.Collections.Immutable;
using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Diff;
using Portolan.Core.Sets;

namespace Portolan.Nftables.Lab;

/// <summary>Compares the kernel's before/after verdicts with <see cref="DiffAnalyzer"/> on the two lab clusters.</summary>
public static class LabChangeCheck
{
    public static LabChange Check(LabResult before, LabResult after)
    {
        var diff = new DiffAnalyzer(before.Cluster, after.Cluster, IPBlockScope.All).Analyze();
        var earlier = before.Outcomes.ToDictionary(o => Key(o.Probe), o => o.KernelAllowed);
        var changes = ImmutableArray.CreateBuilder<ProbeChange>();
        var mismatches = ImmutableArray.CreateBuilder<ProbeChange>();
        int compared = 0, uncovered = 0;
        foreach (var outcome in after.Outcomes)
        {
            if (!earlier.TryGetValue(Key(outcome.Probe), out var was)) continue;
            var probe = outcome.Probe;
            if (probe.Source.Pod is { } s && probe.Destination.Pod is { } d && s.Workload == d.Workload)
            {
                uncovered++;
                continue;
            }
            compared++;
            var entries = diff.Entries.Where(e => Names(e.Source, probe.Source) && Names(e.Destination, probe.Destination)).ToList();
            var diffOpened = entries.Any(e => e.Opened.Contains(probe.Protocol, probe.Port));
            var diffClosed = entries.Any(e => e.Closed.Contains(probe.Protocol, probe.Port));
            var change = new ProbeChange(probe, was, outcome.KernelAllowed, diffOpened, diffClosed);
            if (change.Opened || change.Closed) changes.Add(change);
            if (!change.DiffAgrees) mismatches.Add(change);
        }
        return new LabChange(changes.ToImmutable(), mismatches.ToImmutable(), compared, uncovered);
    }

    private static (string, string, Protocol, int) Key(Probe probe) => (probe.Source.Name, probe.Destination.Name, probe.Protocol, probe.Port);

    // A pod is reported under its workload, or by itself when its workload's pods differ; an external host by the range holding it.
    private static bool Names(ReportPeer peer, LabHost host) => (peer, host.Pod) switch
    {
        (WorkloadPeer w, { } pod) => w.Workload == pod.Workload || w.Workload == pod.AsOwnWorkload,
        (ExternalPeer e, null) => e.Addresses.Contains(host.Address),
        _ => false,
    };
}
