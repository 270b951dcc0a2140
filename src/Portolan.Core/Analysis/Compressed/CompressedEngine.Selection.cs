using Portolan.Core.Model;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis.Compressed;

/// <summary>Peers and subjects as endpoint bitsets, memoised by their structural value.</summary>
public sealed partial class CompressedEngine
{
    public BitSet SelectionSet(PodSelection selection)
    {
        if (_selectionCache.TryGetValue(selection, out var cached)) return cached;
        var set = new BitSet(EndpointCount);
        var labelMatch = new bool[_labelSetCount];
        for (int i = 0; i < _labelSetCount; i++) labelMatch[i] = selection.Pods.Matches(_podLabelSets[i]);
        if (selection.Namespace is not null)
        {
            if (_namespaceIds.TryGetValue(selection.Namespace, out var ns))
            {
                foreach (var c in _classesByNamespace[ns]) set[c] = labelMatch[_classLabelSet[c]];
            }
        }
        else
        {
            for (int ns = 0; ns < _namespaceLabels.Length; ns++)
            {
                if (!selection.Namespaces.Matches(_namespaceLabels[ns])) continue;
                foreach (var c in _classesByNamespace[ns]) set[c] = labelMatch[_classLabelSet[c]];
            }
        }
        _selectionCache[selection] = set;
        return set;
    }

    public BitSet PeerSet(Peer peer)
    {
        if (_peerCache.TryGetValue(peer, out var cached)) return cached;
        BitSet set;
        switch (peer)
        {
            case PodPeer p:
                set = SelectionSet(p.Selection);
                break;
            default:
                set = new BitSet(EndpointCount);
                // Addresses: the external atoms inside the block, and (scope All) classes whose pods' IPs are in it.
                for (int e = 0; e < EndpointCount; e++)
                {
                    if (_matcher.PeerMatches(peer, Endpoints[e])) set[e] = true;
                }
                break;
        }
        _peerCache[peer] = set;
        return set;
    }

    /// <summary>Per atom, the classes on which a named port resolves into that atom.</summary>
    public BitSet[] NamedTargets(NamedPortMatch named)
    {
        var key = (named.Name, named.Protocol);
        if (_namedCache.TryGetValue(key, out var cached)) return cached;
        var result = new BitSet[Atoms.Count];
        for (int c = 0; c < ClassCount; c++)
        {
            var resolved = RuleMatcher.Connections(named, Classes[c].Representative.Pod);
            if (resolved.IsEmpty) continue;
            foreach (var k in Atoms.AtomsOf(resolved)) (result[k] ??= new BitSet(EndpointCount))[c] = true;
        }
        _namedCache[key] = result;
        return result;
    }

    public RuleTargets Targets(Rule rule)
    {
        if (_rules.TryGetValue(rule, out var cached)) return cached;
        BitSet peers;
        if (rule.Peers.IsEmpty)
        {
            peers = BitSet.Full(EndpointCount);
        }
        else if (rule.Peers.Length == 1)
        {
            peers = PeerSet(rule.Peers[0]);
        }
        else
        {
            peers = new BitSet(EndpointCount);
            foreach (var peer in rule.Peers) peers.Or(PeerSet(peer));
        }
        var numeric = new bool[Atoms.Count];
        var numericSet = rule.Ports.IsEmpty ? ConnectionSet.All : ConnectionSet.None;
        foreach (var port in rule.Ports.OfType<PortRangeMatch>()) numericSet = numericSet.Union(RuleMatcher.Connections(port, null));
        foreach (var k in Atoms.AtomsOf(numericSet)) numeric[k] = true;
        var targets = new RuleTargets(rule, peers, numeric, [.. rule.Ports.OfType<NamedPortMatch>()]);
        _rules[rule] = targets;
        return targets;
    }
}
