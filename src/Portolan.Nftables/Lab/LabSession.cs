using System.Collections.Immutable;
using System.Diagnostics;
using System.Net;
using Portolan.Core.Analysis;
using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Nftables.Lab;

/// <summary>
/// A running lab. Each <see cref="Run"/> builds the lab cluster from manifests, creates the namespaces it
/// lacks (the first run also the router) and deletes those it no longer needs, applies the compiled ruleset
/// as one <c>nft -f</c> transaction that replaces the table, listens, probes and compares every probe with
/// the analysis. A second Run is the incremental apply: namespaces of pods present in both stay.
/// Dispose deletes every namespace; call it in a finally.
/// </summary>
public sealed class LabSession : IDisposable
{
    private readonly LabOptions _options;
    private readonly LabCompiler _compile;
    private readonly LabNetwork _network;
    private readonly AddressPool _pool = new();
    private readonly Dictionary<string, LabHost> _hosts = new(StringComparer.Ordinal);
    private Listeners? _listeners;
    private bool _started;
    private bool _sctp;
    private int _nextIndex;

    public LabSession(LabOptions options, LabCompiler compile, string? prefix = null)
    {
        _options = options;
        _compile = compile;
        _network = new LabNetwork(prefix ?? LabNetwork.NewPrefix());
        foreach (var reserved in LabNetwork.Reserved) _pool.Take(reserved);
    }

    public string Prefix => _network.Prefix;

    /// <summary>The namespaces this lab has created and not yet deleted.</summary>
    public IReadOnlyList<string> Namespaces => _network.Namespaces;

    public bool SctpSupported => _sctp;

    public LabResult Run(Cluster cluster, CancellationToken cancel)
    {
        var phases = ImmutableArray.CreateBuilder<LabPhase>();
        var clock = Stopwatch.StartNew();
        void Phase(string name)
        {
            phases.Add(new LabPhase(name, clock.Elapsed));
            cancel.ThrowIfCancellationRequested();
            clock.Restart();
        }

        var earlier = _hosts.Values.Where(h => h.Pod is not null).ToDictionary(h => h.Name, h => h.Address, StringComparer.Ordinal);
        var (labCluster, clusterNotes) = LabCluster.Build(cluster, _options.Replicas, _options.Ranges, _pool, earlier);
        var externals = _hosts.Values.Where(h => h.IsExternal).Select(h => h.Address).ToList();
        var (newExternals, unplaced) = LabExternals.Choose(labCluster, _options.Ranges, _pool, externals, _options.MaxExternalHosts);
        var (added, removed) = Reconcile(labCluster, newExternals);
        Phase("plan");

        if (!_started)
        {
            _started = true;
            _network.CreateRouter();
            _sctp = Sockets.SctpSupported(_network.Router);
        }
        _network.RemoveHosts(removed);
        _network.AddHosts(added, cancel);
        Phase("setup");

        var addresses = labCluster.Pods.ToDictionary(LabCluster.Key, p => (IReadOnlyList<IPAddress>)[.. p.IPs], StringComparer.Ordinal);
        var ruleset = _compile(labCluster, addresses);
        Phase("compile");
        // One transaction: the table is replaced whole (nft(8): add+delete+define is atomic in one file).
        _network.Apply($"add table inet {ruleset.TableName}\ndelete table inet {ruleset.TableName}\n{ruleset.Text}");
        Phase("apply");

        var hosts = _hosts.Values.OrderBy(h => h.Index).ToImmutableArray();
        var plan = ProbePlan.Build(labCluster, hosts, _options.SamplePorts, _sctp);
        _listeners?.Dispose();
        _listeners = new Listeners();
        foreach (var (host, ports) in plan.Listeners.OrderBy(kv => kv.Key.Index)) _listeners.Start(host, ports);
        Phase("listen");

        var prober = new Prober(_options.ProbeTimeout);
        var verdicts = prober.Run(plan.Probes, cancel);
        Phase("probe");

        var outcomes = Compare(labCluster, plan.Probes, verdicts);
        Phase("analyse");

        var notes = clusterNotes.ToBuilder();
        if (unplaced > 0) notes.Add($"{unplaced} external range(s) have no address in the lab ranges or the documentation ranges: not probed");
        if (plan.SkippedCrossFamily > 0) notes.Add($"{plan.SkippedCrossFamily} probe(s) between IPv4 and IPv6 hosts skipped (no common address family)");
        if (prober.Retried > 0) notes.Add($"{prober.Retried} probe(s) got no answer within {_options.ProbeTimeout.TotalMilliseconds:0} ms and were tried again");
        if (plan.SkippedSctp > 0) notes.Add($"{plan.SkippedSctp} SCTP probe(s) skipped: this kernel has no SCTP sockets");
        return new LabResult(labCluster, hosts, ruleset, outcomes, notes.ToImmutable(), phases.ToImmutable());
    }

    /// <summary>Deletes every namespace; returns how long it took.</summary>
    public TimeSpan Teardown()
    {
        var clock = Stopwatch.StartNew();
        Dispose();
        return clock.Elapsed;
    }

    public void Dispose()
    {
        _listeners?.Dispose();
        _listeners = null;
        _network.Dispose();
        _hosts.Clear();
    }

    // Pods keep their namespace by name, externals by address; the rest is created or deleted.
    private (List<LabHost> Added, List<LabHost> Removed) Reconcile(Cluster labCluster, ImmutableArray<IPAddress> newExternals)
    {
        var wanted = new Dictionary<string, (IPAddress Address, Pod? Pod)>(StringComparer.Ordinal);
        foreach (var pod in labCluster.Pods) wanted[LabCluster.Key(pod)] = (pod.IPs[0], pod);
        foreach (var host in _hosts.Values.Where(h => h.IsExternal)) wanted[host.Name] = (host.Address, null);
        foreach (var address in newExternals) wanted[address.ToString()] = (address, null);
        if (wanted.Count > _options.MaxHosts)
        {
            throw new LabException($"the lab would need {wanted.Count} namespaces ({labCluster.Pods.Length} pods); at most {_options.MaxHosts}: lower --replicas");
        }

        var removed = _hosts.Values.Where(h => !wanted.ContainsKey(h.Name)).ToList();
        foreach (var host in removed) _hosts.Remove(host.Name);
        var added = new List<LabHost>();
        foreach (var (name, (address, pod)) in wanted.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (_hosts.TryGetValue(name, out var existing))
            {
                _hosts[name] = existing with { Pod = pod };
                continue;
            }
            var index = _nextIndex++;
            var host = new LabHost(index, _network.NetnsOf(index, pod is null), address, pod);
            _hosts[name] = host;
            added.Add(host);
        }
        return (added, removed);
    }

    private static ImmutableArray<ProbeOutcome> Compare(Cluster labCluster, ImmutableArray<Probe> probes, ImmutableArray<KernelVerdict> verdicts)
    {
        var analyzer = new ConnectivityAnalyzer(labCluster, IPBlockScope.All);
        var query = new EvalQuery(labCluster, analyzer, IPBlockScope.All);
        (Endpoint, ReportPeer) Side(LabHost host) => host.Pod is { } pod
            ? (analyzer.EndpointOf(pod), new WorkloadPeer(pod.Workload))
            : (new ExternalEndpoint(AddressSet.Of(host.Address)), new ExternalPeer(AddressSet.Of(host.Address)));
        return [.. probes.Select((probe, i) =>
        {
            var result = query.Evaluate(Side(probe.Source), Side(probe.Destination), probe.Protocol, probe.Port, null);
            return new ProbeOutcome(probe, result.Allowed, verdicts[i], result);
        })];
    }
}
