using System.Globalization;
using Portolan.Nftables.Lab;

namespace Portolan.Output;

/// <summary>
/// lab as text: every disagreement (5-tuple, both verdicts, the analysis' path through the tiers), the
/// changes a second ruleset made, then the summary table of probes and phase times.
/// </summary>
public static class LabTextRenderer
{
    public static void RenderDisagreements(LabResult result, int round, TextWriter output)
    {
        foreach (var d in result.Disagreements)
        {
            output.Write($"DISAGREE (round {round}): {Tuple(d.Probe)}: analysis {(d.AnalysisAllowed ? "allowed" : "denied")}, kernel {Kernel(d.Kernel)}\n");
            if (d.Explanation.Egress is { } egress) Side(output, "egress", d.Explanation.Source.Name, egress);
            if (d.Explanation.Ingress is { } ingress) Side(output, "ingress", d.Explanation.Destination.Name, ingress);
        }
    }

    public static void RenderChange(LabChange change, TextWriter output)
    {
        foreach (var c in change.Changes) output.Write($"{(c.Opened ? "OPENED" : "CLOSED")}: {Tuple(c.Probe)}{(c.DiffAgrees ? "" : "  (diff does not show this)")}\n");
        foreach (var c in change.Mismatches.Where(m => !m.Opened && !m.Closed))
        {
            output.Write($"DIFF ONLY: {Tuple(c.Probe)}: diff says {(c.DiffOpened ? "opened" : "closed")}, the kernel did not change\n");
        }
        output.Write($"then: {change.Opened.Count()} opened, {change.Closed.Count()} closed on the kernel; diff {(change.AgreesWithDiff ? "agrees" : $"disagrees on {change.Mismatches.Length}")} "
            + $"({change.Compared} probes compared, {change.Uncovered} between pods of one workload not covered by diff)\n");
    }

    public static void RenderSummary(IReadOnlyList<LabResult> rounds, TimeSpan teardown, TextWriter output)
    {
        var first = rounds[0];
        output.Write($"lab: {first.Hosts.Count(h => !h.IsExternal)} pods, {first.Hosts.Count(h => h.IsExternal)} external hosts\n");
        List<string[]> rows = [["round", "probes", "allowed", "rejected", "timed out", "agree", "disagree", "rules"]];
        for (int i = 0; i < rounds.Count; i++)
        {
            var r = rounds[i];
            int Count(KernelVerdict verdict) => r.Outcomes.Count(o => o.Kernel == verdict);
            rows.Add([N(i + 1), N(r.Outcomes.Length), N(Count(KernelVerdict.Allowed)), N(Count(KernelVerdict.Rejected)), N(Count(KernelVerdict.TimedOut)),
                N(r.Agreements), N(r.Disagreements.Length), N(r.Ruleset.RuleCount)]);
        }
        Table(rows, output);
        output.Write("\n");
        List<string[]> phases = [["phase", .. rounds.Select((_, i) => $"round {i + 1}")]];
        foreach (var name in first.Phases.Select(p => p.Name))
        {
            phases.Add([name, .. rounds.Select(r => Ms(r.Phases.FirstOrDefault(p => p.Name == name)?.Time ?? TimeSpan.Zero))]);
        }
        phases.Add(["teardown", Ms(teardown), .. rounds.Skip(1).Select(_ => "")]);
        Table(phases, output);
    }

    /// <summary>Protocol, source address, destination address and port; the source port is the kernel's ephemeral choice.</summary>
    public static string Tuple(Probe probe) =>
        $"{probe.Protocol} {Address(probe.Source)} -> {Address(probe.Destination)}:{probe.Port} ({Name(probe.Source)} -> {Name(probe.Destination)})";

    private static string Name(LabHost host) => host.IsExternal ? "external" : host.Name;

    private static string Address(LabHost host) =>
        host.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{host.Address}]" : host.Address.ToString();

    private static void Side(TextWriter output, string direction, string peer, Core.Analysis.SideExplanation side)
    {
        output.Write($"  {direction} at {peer}: {(side.Allowed ? "allowed" : "denied")}\n");
        foreach (var step in side.Path) output.Write($"    {EvalTextRenderer.Describe(step)}\n");
    }

    private static string Kernel(KernelVerdict verdict) => verdict switch
    {
        KernelVerdict.Allowed => "allowed",
        KernelVerdict.Rejected => "rejected",
        _ => "no answer (timed out)",
    };

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Ms(TimeSpan time) => $"{time.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms";

    private static void Table(List<string[]> rows, TextWriter output)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            output.Write(string.Join("  ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd() + "\n");
        }
    }
}
