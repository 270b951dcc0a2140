using Portolan.Core.Model;

namespace Portolan.Core.Analysis.Compressed;

/// <summary>
/// Per class, direction and atom: the endpoints the class's own side allows, by the tier pipeline
/// of semantics §4.7 run on bitsets. Classes with the same profile (same policies, and for ingress
/// named ports the same container ports) share their rows.
/// </summary>
public sealed partial class CompressedEngine
{
    private readonly Dictionary<string, BitSet[]> _profiles = new(StringComparer.Ordinal);

    // Each policy's subject as a class bitset, by policy identity (hashing selectors 10,000 times per update is not free).
    private readonly Dictionary<Policy, BitSet> _subjects = new(ReferenceEqualityComparer.Instance);

    /// <summary>(Re)computes the rows of the given classes in both directions.</summary>
    public void ComputeRows(IEnumerable<int> classes)
    {
        var selected = _subjects;
        foreach (var policy in _cluster.Policies)
        {
            if (!selected.ContainsKey(policy)) selected[policy] = SelectionSet(policy.Subject);
        }
        foreach (var c in classes)
        {
            Egress[c] = RowsFor(c, Direction.Egress, selected);
            Ingress[c] = RowsFor(c, Direction.Ingress, selected);
        }
        ProfileCount = _profiles.Count;
    }

    private BitSet[] RowsFor(int c, Direction direction, Dictionary<Policy, BitSet> selected)
    {
        var subject = Classes[c].Representative;
        var (admin, networkPolicies, baseline) = PoliciesOf(c, direction, selected);
        var namedIngress = direction == Direction.Ingress
            && admin.Concat(networkPolicies).Concat(baseline).Any(p => p.Ingress.Any(r => r.Ports.Any(x => x is NamedPortMatch)));
        var key = $"{direction}|{Ids(admin)}|{Ids(networkPolicies)}|{Ids(baseline)}|{(namedIngress ? PodClass.PortsKey(subject.Pod) : "")}";
        if (_profiles.TryGetValue(key, out var shared)) return shared;
        // Atoms that no rule of this profile tells apart get the same row: compute it once per group.
        // How each rule treats each atom, flat (atom-major); atoms whose rows are their own get no group.
        var rules = admin.Concat(networkPolicies).Concat(baseline).SelectMany(p => p.Rules(direction)).Select(Targets).ToList();
        var width = rules.Count;
        var treats = new bool[Atoms.Count * width];
        var representatives = new List<int>();
        var rows = new BitSet[Atoms.Count];
        for (int k = 0; k < Atoms.Count; k++)
        {
            var own = false;
            for (int r = 0; r < width; r++)
            {
                var treatment = AtomTreatment(rules[r], direction, subject, k);
                own |= treatment == Treatment.Own;
                treats[k * width + r] = treatment == Treatment.Whole;
            }
            if (!own)
            {
                if (Alike(treats, width, k, representatives) is { } same)
                {
                    rows[k] = rows[same];
                    continue;
                }
                representatives.Add(k);
            }
            rows[k] = Row(subject, direction, k, admin, networkPolicies, baseline);
        }
        _profiles[key] = rows;
        return rows;
    }

    /// <summary>The policies of each tier that select class c and affect the direction, in evaluation order.</summary>
    private (List<Policy> Admin, List<Policy> NetworkPolicies, List<Policy> Baseline) PoliciesOf(int c, Direction direction, Dictionary<Policy, BitSet> selected) =>
        (_index.Admin.Where(p => p.Affects(direction) && selected[p][c]).ToList(),
         _index.NetworkPoliciesIn(Classes[c].Representative.Pod.Namespace).Where(p => p.Affects(direction) && selected[p][c]).ToList(),
         _index.Baseline.Where(p => p.Affects(direction) && selected[p][c]).ToList());

    private enum Treatment { None, Whole, Own }

    // An earlier atom every rule treats as atom k, if any.
    private static int? Alike(bool[] treats, int width, int k, List<int> representatives)
    {
        var signature = treats.AsSpan(k * width, width);
        foreach (var j in representatives)
        {
            if (signature.SequenceEqual(treats.AsSpan(j * width, width))) return j;
        }
        return null;
    }

    // How a rule treats atom k: whole peers, nothing, or peers narrowed by a named port (unique to k).
    private Treatment AtomTreatment(RuleTargets rule, Direction direction, PodEndpoint subject, int atom)
    {
        if (rule.NumericAtoms[atom]) return Treatment.Whole;
        if (rule.Named.Length == 0) return Treatment.None;
        var match = Match(rule.Rule, direction, subject, atom);
        return match is null ? Treatment.None : direction == Direction.Ingress ? Treatment.Whole : Treatment.Own;
    }

    private readonly Dictionary<Policy, int> _policyIds = new(ReferenceEqualityComparer.Instance);

    private string Ids(List<Policy> policies)
    {
        if (policies.Count == 0) return "";
        return string.Join(",", policies.Select(p =>
        {
            if (!_policyIds.TryGetValue(p, out var id)) _policyIds[p] = id = _policyIds.Count;
            return id;
        }));
    }

    /// <param name="excluded">A rule to evaluate as if it were not there (see <see cref="RuleEffect"/>).</param>
    private BitSet Row(PodEndpoint subject, Direction direction, int atom,
        List<Policy> admin, List<Policy> networkPolicies, List<Policy> baseline, Rule? excluded = null)
    {
        var n = EndpointCount;
        var allowed = new BitSet(n);
        var undecided = BitSet.Full(n);
        var passed = new BitSet(n);
        foreach (var policy in admin)
        {
            foreach (var rule in policy.Rules(direction))
            {
                if (ReferenceEquals(rule, excluded)) continue;
                var match = Match(rule, direction, subject, atom);
                if (match is null) continue;
                if (rule.Action == RuleAction.Allow) allowed.OrAnd(match, undecided);
                else if (rule.Action == RuleAction.Pass) passed.OrAnd(match, undecided);
                undecided.AndNot(match);
            }
        }
        // Traffic no admin rule matched behaves like passed traffic.
        var toNetworkPolicy = undecided;
        toNetworkPolicy.Or(passed);
        if (networkPolicies.Count > 0)
        {
            var npAllowed = new BitSet(n);
            foreach (var policy in networkPolicies)
            {
                foreach (var rule in policy.Rules(direction))
                {
                    if (ReferenceEquals(rule, excluded)) continue;
                    var match = Match(rule, direction, subject, atom);
                    if (match is not null) npAllowed.Or(match);
                }
            }
            allowed.OrAnd(toNetworkPolicy, npAllowed);
            return allowed;
        }
        var baselineUndecided = BitSet.Full(n);
        var baselineDenied = new BitSet(n);
        foreach (var policy in baseline)
        {
            foreach (var rule in policy.Rules(direction))
            {
                if (ReferenceEquals(rule, excluded)) continue;
                var match = Match(rule, direction, subject, atom);
                if (match is null) continue;
                if (rule.Action == RuleAction.Deny) baselineDenied.OrAnd(match, baselineUndecided);
                baselineUndecided.AndNot(match);
            }
        }
        toNetworkPolicy.AndNot(baselineDenied);
        allowed.Or(toNetworkPolicy);
        return allowed;
    }

    /// <summary>The other endpoints a rule matches on this atom, or null for none.</summary>
    // The atoms a named port resolves to on a pod's own container ports, per port list (pods of a workload share theirs).
    private readonly Dictionary<(PortMatch Named, System.Collections.Immutable.ImmutableArray<ContainerPort> Ports), BitSet> _namedIngress = [];

    private BitSet NamedIngressAtoms(PortMatch named, Pod pod)
    {
        if (_namedIngress.TryGetValue((named, pod.Ports), out var atoms)) return atoms;
        atoms = new BitSet(Atoms.Count);
        var resolved = RuleMatcher.Connections(named, pod);
        if (!resolved.IsEmpty) foreach (var k in Atoms.AtomsOf(resolved)) atoms[k] = true;
        _namedIngress[(named, pod.Ports)] = atoms;
        return atoms;
    }

    private BitSet? Match(Rule rule, Direction direction, PodEndpoint subject, int atom)
    {
        var targets = Targets(rule);
        if (targets.NumericAtoms[atom]) return targets.Peers;
        if (targets.Named.Length == 0) return null;
        if (direction == Direction.Ingress)
        {
            // The destination is the subject itself: the name resolves on its own container ports.
            foreach (var named in targets.Named)
            {
                if (NamedIngressAtoms(named, subject.Pod)[atom]) return targets.Peers;
            }
            return null;
        }
        if (targets.EgressNamedCache.TryGetValue(atom, out var cached)) return cached;
        BitSet? result = null;
        foreach (var named in targets.Named)
        {
            var onAtom = NamedTargets(named)[atom];
            if (onAtom is null) continue;
            result ??= new BitSet(EndpointCount);
            result.Or(onAtom);
        }
        result?.And(targets.Peers);
        targets.EgressNamedCache[atom] = result;
        return result;
    }
}
