using System.Collections.Immutable;
using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis.Guardrails;

/// <summary>
/// Checks guardrails against the computed connectivity of one state (docs/guardrails.md). Pairs are
/// decided by the compressed engine (classes × atoms); only a violating pair is explained, per port,
/// by the <see cref="Explainer"/>. Violations come in statement order, then by source and destination name.
/// </summary>
public sealed partial class GuardrailEvaluator
{
    private readonly CompressedEngine _engine;
    private readonly Explainer _explainer;
    private readonly DefaultAllowance _defaults;
    private readonly ImmutableArray<ReportPeer>[] _classPeers;
    private readonly IReadOnlyDictionary<ReportPeer, Pod> _firstPod;
    private BitSet[]? _reachable;

    /// <param name="touchedClasses">
    /// When given, only what involves these classes is evaluated (see <see cref="Evaluate(GuardrailSet, CompressedEngine, IEnumerable{int})"/>).
    /// </param>
    public GuardrailEvaluator(CompressedEngine engine, IEnumerable<int>? touchedClasses = null)
    {
        _engine = engine;
        _explainer = new Explainer(engine.Index, engine.Matcher);
        _defaults = new DefaultAllowance(engine.Index, engine.Matcher);
        (_classPeers, _firstPod) = ClassNames.Of(engine);
        _touched = touchedClasses is null ? null : Touching(engine, touchedClasses);
    }

    /// <summary>Every violation of every statement, over a state already analysed (e.g. the webhook's incremental engine).</summary>
    public static IReadOnlyList<GuardrailViolation> Evaluate(GuardrailSet guardrails, CompressedEngine engine) =>
        new GuardrailEvaluator(engine).Evaluate(guardrails);

    /// <summary>
    /// The violations a change touching only <paramref name="touchedClasses"/> can have introduced: those of
    /// pairs with a touched class at either end, isolated findings of touched classes, and every
    /// statement-level finding (empty selection, unresolved port). Each comes out exactly as in the full
    /// evaluation (ranges merged alike, same order); the rest of the full list is pairs and classes that
    /// decide as they did before the change (see <see cref="ChangeResult.ReevaluatedClasses"/>).
    /// </summary>
    public static IReadOnlyList<GuardrailViolation> Evaluate(GuardrailSet guardrails, CompressedEngine engine, IEnumerable<int> touchedClasses) =>
        new GuardrailEvaluator(engine, touchedClasses).Evaluate(guardrails);

    /// <summary>Every violation of every statement, analysing the cluster first.</summary>
    public static IReadOnlyList<GuardrailViolation> Evaluate(GuardrailSet guardrails, Cluster cluster, IPBlockScope scope) =>
        Evaluate(guardrails, new CompressedEngine(cluster, scope, guardrails.AddressCuts));

    public IReadOnlyList<GuardrailViolation> Evaluate(GuardrailSet guardrails) =>
        [.. guardrails.Statements.SelectMany(Evaluate)];

    public IReadOnlyList<GuardrailViolation> Evaluate(Guardrail statement)
    {
        var violations = statement switch
        {
            DenyGuardrail deny => Deny(deny),
            RequireGuardrail require => Require(require),
            OnlyGuardrail only => Only(only),
            IsolatedGuardrail isolated => Isolated(isolated),
            _ => throw new ArgumentException($"unknown guardrail kind {statement.GetType().Name}", nameof(statement)),
        };
        return [.. MergeExternal(violations).OrderBy(SortKey, StringComparer.Ordinal)];
    }

    private static string SortKey(GuardrailViolation v) => v switch
    {
        EmptySelectionViolation e => "\0" + e.Field,
        UnresolvedPortViolation u => $"\u0001{u.Destination.Name}\0{u.Port}",
        ReachableViolation r => $"{r.Example.Source.Name}\0{r.Example.Destination.Name}",
        UnreachableViolation r => $"{r.Example.Source.Name}\0{r.Example.Destination.Name}",
        NotIsolatedViolation n => $"{n.Workload.Name}\0{n.Direction}",
        _ => "",
    };

    private BitSet[] ReachableRows => _reachable ??= _engine.ReachableRows();
}
