using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Model;
using Portolan.Core.Sets;
using Portolan.Server.Checks;

namespace Portolan.Server.State;

/// <summary>
/// The stored objects the webhook decides against (from a manifest directory, later a watch), as an
/// incremental analysis. Admission previews a change and leaves the state as it was; only the state
/// source replaces it. Previews are serialised (the engine is not thread-safe); each takes milliseconds.
/// </summary>
/// <param name="checks">Run on every proposed state (guardrails, lint), under the lock.</param>
/// <param name="extraCuts">External-range boundaries the checks need (the ranges guardrails name).</param>
public sealed class PolicyState(IPBlockScope scope, IReadOnlyList<IPolicyCheck>? checks = null,
    IReadOnlyCollection<AddressSet>? extraCuts = null, int rebuildAfterPreviews = PolicyState.DefaultRebuildAfter)
{
    /// <summary>
    /// The engine caches rows per policy object it has seen, so previews of ever-new objects grow it;
    /// after this many previews the state is rebuilt from its cluster to drop them.
    /// </summary>
    public const int DefaultRebuildAfter = 2000;

    /// <summary>
    /// Previews on never-seen ports cut the atoms in place and leave the cuts behind (harmless, but every
    /// later change scans more atoms); past this many extra atoms the state is rebuilt to drop them.
    /// </summary>
    public const int MaxExtraAtoms = 64;

    private readonly Lock _gate = new();
    private IncrementalAnalysis? _analysis;
    private Dictionary<PolicyKey, Policy> _policies = [];
    private int _previews;
    private int _atomsAtLoad;
    private long _version;
    private int _rebuilding;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IPBlockScope Scope => scope;

    private IReadOnlyList<IPolicyCheck> Checks => checks ?? [];

    public bool IsReady => Volatile.Read(ref _analysis) is not null;

    /// <summary>Completes when the first state is loaded.</summary>
    public Task Ready => _ready.Task;

    /// <summary>The current stored cluster, or null before the first load.</summary>
    public Cluster? Cluster => Volatile.Read(ref _analysis)?.Cluster;

    /// <summary>The stored cluster and a number that changes whenever it does (to cache what is derived from it).</summary>
    public (Cluster? Cluster, long Version) Snapshot()
    {
        lock (_gate) return (_analysis?.Cluster, _version);
    }

    /// <summary>Builds the analysis of a new stored state (outside the lock: admission keeps answering on the old one), then swaps it in.</summary>
    public void Replace(Cluster cluster) => Replace(cluster, null);

    // With a version, the new analysis is dropped if a change was stored meanwhile (a rebuild must not undo it).
    private void Replace(Cluster cluster, long? onlyAtVersion)
    {
        var analysis = new IncrementalAnalysis(cluster, scope, extraCuts);
        var policies = cluster.Policies.ToDictionary(PolicyKey.Of);
        lock (_gate)
        {
            if (onlyAtVersion is { } version && version != _version) return;
            foreach (var check in Checks) check.StateChanged(analysis.Engine);
            _analysis = analysis;
            _policies = policies;
            _previews = 0;
            _atomsAtLoad = analysis.Engine.Atoms.Count;
            _version++;
        }
        _ready.TrySetResult();
    }

    /// <summary>Stores a change the cluster made (a watch event): the analysis follows it, and later previews see it.</summary>
    public void Store(Change change)
    {
        lock (_gate)
        {
            var analysis = _analysis ?? throw new StateNotReadyException();
            analysis.Apply(change);
            _version++;
            foreach (var check in Checks) check.StateChanged(analysis.Engine);
            switch (change)
            {
                case PolicyAdded a:
                    _policies[PolicyKey.Of(a.Policy)] = a.Policy;
                    break;
                case PolicyRemoved r:
                    _policies.Remove(PolicyKey.Of(r.Policy));
                    break;
                case PolicyChanged c:
                    _policies.Remove(PolicyKey.Of(c.Old));
                    _policies[PolicyKey.Of(c.New)] = c.New;
                    break;
            }
        }
    }

    /// <summary>
    /// What storing <paramref name="replacement"/> under <paramref name="key"/> (or deleting it, when null)
    /// would open and close, and what the checks find in that state; null when it changes nothing the
    /// analysis holds (deleting an unknown policy).
    /// </summary>
    public (Proposal Proposal, IReadOnlyList<CheckFinding> Findings)? Preview(PolicyKey key, Policy? replacement)
    {
        Proposal? proposal = null;
        var findings = new List<CheckFinding>();
        bool stale;
        lock (_gate)
        {
            var analysis = _analysis ?? throw new StateNotReadyException();
            var current = _policies.GetValueOrDefault(key);
            Change? change = (current, replacement) switch
            {
                (null, null) => null,
                (null, { } added) => new PolicyAdded(added),
                ({ } removed, null) => new PolicyRemoved(removed),
                ({ } old, { } changed) => new PolicyChanged(old, changed),
            };
            if (change is null) return null;
            var before = analysis.Cluster;
            analysis.Preview(change, (effect, engine) =>
            {
                proposal = new Proposal(change, before, effect, engine);
                foreach (var check in Checks) findings.AddRange(check.Check(proposal));
            });
            _previews++;
            stale = _previews >= rebuildAfterPreviews || analysis.Engine.Atoms.Count > _atomsAtLoad + MaxExtraAtoms;
        }
        if (stale && Interlocked.Exchange(ref _rebuilding, 1) == 0) _ = Task.Run(RebuildFromCurrent);
        return (proposal!, findings);
    }

    private void RebuildFromCurrent()
    {
        try
        {
            Cluster? cluster;
            long version;
            lock (_gate) (cluster, version) = (_analysis?.Cluster, _version);
            if (cluster is not null) Replace(cluster, version);
        }
        finally
        {
            Volatile.Write(ref _rebuilding, 0);
        }
    }
}
