using BenchmarkDotNet.Attributes;
using Portolan.Core.Analysis;
using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Benchmarks;

/// <summary>Class building, full analysis (every pair decided), an incremental policy change and an eval query.</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private Cluster _cluster = null!;
    private IncrementalAnalysis _state = null!;
    private ChangeScenario _change = null!;
    private EvalScenario _eval = null!;

    [Params(1_000, 10_000)]
    public int Pods { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _cluster = GeneratedCluster.Load(Pods);
        _state = new IncrementalAnalysis(_cluster, IPBlockScope.All);
        _change = new ChangeScenario(_cluster);
        _eval = new EvalScenario(_cluster);
    }

    [Benchmark]
    public int BuildClasses() => new CompressedEngine(_cluster, IPBlockScope.All).ClassCount;

    [Benchmark]
    public long FullAnalysis() => new CompressedReport(new CompressedEngine(_cluster, IPBlockScope.All)).CountWorkloadPairs();

    /// <summary>One policy changed and changed back: two incremental updates.</summary>
    [Benchmark]
    public int IncrementalPolicyChange() => _change.ApplyAndRevert(_state);

    [Benchmark]
    public bool EvalQuery() => _eval.Run();
}

/// <summary>Changes the peers of one NetworkPolicy (no new ports or address blocks, so it stays incremental).</summary>
public sealed class ChangeScenario(Cluster cluster)
{
    private readonly Policy _original = cluster.Policies.First(p => p.Kind == PolicyKind.NetworkPolicy && !p.Ingress.IsEmpty);

    public Policy Changed => _original with
    {
        Ingress = [.. _original.Ingress.Select(r => r with
        {
            Peers = [new PodPeer(new PodSelection(null, Core.Selectors.LabelSelector.Everything,
                Core.Selectors.LabelSelector.ForLabels([new("tier", "web")])))],
        })],
    };

    public int ApplyAndRevert(IncrementalAnalysis state)
    {
        var changed = Changed;
        var forward = state.Apply(new PolicyChanged(_original, changed));
        var back = state.Apply(new PolicyChanged(changed, _original));
        if (forward.Rebuilt || back.Rebuilt) throw new InvalidOperationException("the change should be incremental");
        return forward.Opened.Length + back.Closed.Length;
    }
}

/// <summary>One eval query: resolve two workloads by name and explain both sides for TCP 8080.</summary>
public sealed class EvalScenario
{
    private readonly EvalQuery _query;
    private readonly string _source;
    private readonly string _destination;

    public EvalScenario(Cluster cluster)
    {
        var analyzer = new ConnectivityAnalyzer(cluster, IPBlockScope.All);
        _query = new EvalQuery(cluster, analyzer, IPBlockScope.All);
        var pods = cluster.Pods.Where(p => p.Namespace.StartsWith("ns-", StringComparison.Ordinal)).ToList();
        _source = $"{pods[0].Workload.Namespace}/{pods[0].Workload.Name}";
        _destination = $"{pods[^1].Workload.Namespace}/{pods[^1].Workload.Name}";
        Run();
    }

    public bool Run()
    {
        var source = _query.Resolve(_source, out _)!.Value;
        var destination = _query.Resolve(_destination, out _)!.Value;
        return _query.Evaluate(source, destination, Protocol.TCP, 8080, null).Allowed;
    }
}
