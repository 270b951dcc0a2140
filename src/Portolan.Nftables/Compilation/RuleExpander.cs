using System.Collections.Immutable;
using System.Net;
using Portolan.Core.Model;
using Portolan.Core.Sets;
using Portolan.Nftables.Ruleset;

namespace Portolan.Nftables.Compilation;

/// <summary>
/// One policy rule as nft rules: one per address family and port kind, all with the rule's verdict and
/// comment. Rules OR their peers and ports (semantics §3.4): peers become one address set per family,
/// numeric ports one protocol . port set, named ports one address . protocol . port set resolved on each
/// destination pod (semantics §3.7, §4.4).
/// </summary>
public sealed class RuleExpander(SetRegistry sets, PeerAddresses addresses)
{
    private enum PortKind
    {
        Any,
        Numeric,
        Named,
    }

    /// <summary>
    /// <paramref name="subject"/> is who the policy selects; <paramref name="matchSubject"/> puts their addresses
    /// in the rule (admin tiers), where a NetworkPolicy chain is reached only for its subjects already.
    /// </summary>
    public IEnumerable<NftRule> Expand(Policy policy, Direction direction, int index, IReadOnlyList<AddressedPod> subject,
        bool matchSubject, NftVerdict verdict)
    {
        var rule = policy.Rules(direction)[index];
        var comment = Naming.Comment(policy.DisplayName, $" {Word(direction)} rule {index + 1}");
        var peers = addresses.Of(rule);
        var subjectAddresses = PeerAddresses.Of(subject);
        var numeric = ConnectionSet.None;
        foreach (var range in rule.Ports.OfType<PortRangeMatch>()) numeric = numeric.Union(ConnectionSet.Of(range.Protocol, range.From, range.To));
        var named = rule.Ports.OfType<NamedPortMatch>().ToList();
        var kinds = new List<PortKind>();
        if (rule.Ports.IsEmpty) kinds.Add(PortKind.Any);
        if (!numeric.IsEmpty) kinds.Add(PortKind.Numeric);
        if (named.Count > 0) kinds.Add(PortKind.Named);

        foreach (var kind in kinds)
        {
            var byFamily = matchSubject || peers is not null || kind == PortKind.Named;
            IEnumerable<IPFamily?> families = byFamily ? IPFamilies.All.Cast<IPFamily?>() : [null];
            foreach (var family in families)
            {
                // The subject's side of a packet carries a subject's address: no address of the family, no packet.
                if (family is { } f && subject.All(p => p.Addresses(f).IsEmpty)) continue;
                var matches = ImmutableArray.CreateBuilder<NftMatch>();
                var possible = true;
                void Address(NftField field, AddressSet set)
                {
                    var podsOnly = ReferenceEquals(set, subjectAddresses) || PeerAddresses.PodsOnly(rule);
                    if (sets.Addresses(family!.Value, set, podsOnly) is { } name) matches.Add(new SetLookup([field], name));
                    else possible = false;
                }
                var source = direction == Direction.Egress ? (matchSubject ? subjectAddresses : null) : peers;
                var destination = direction == Direction.Egress ? peers : (matchSubject ? subjectAddresses : null);
                if (source is not null) Address(NftField.Source(family!.Value), source);
                if (kind == PortKind.Named)
                {
                    // The tuples hold only destination pods, so they stand for the destination's address match too.
                    var owners = direction == Direction.Ingress ? subject : addresses.Pods;
                    var tuples = Resolve(owners, named, family!.Value, direction == Direction.Egress ? peers : null);
                    if (sets.Endpoints(family.Value, tuples) is { } name)
                        matches.Add(new SetLookup([NftField.Destination(family.Value), NftField.L4Proto, NftField.DestinationPort], name));
                    else possible = false;
                }
                else
                {
                    if (destination is not null) Address(NftField.Destination(family!.Value), destination);
                    if (kind == PortKind.Numeric) matches.Add(new SetLookup([NftField.L4Proto, NftField.DestinationPort], sets.Ports(numeric)!));
                }
                if (possible) yield return new NftRule(matches.ToImmutable(), verdict, comment);
            }
        }
    }

    public static string Word(Direction direction) => direction == Direction.Egress ? "egress" : "ingress";

    // A name resolves on the pod's first container port of that name, with the rule's protocol if it gives one.
    private static IEnumerable<(IPAddress, Protocol, int)> Resolve(IEnumerable<AddressedPod> owners, List<NamedPortMatch> named, IPFamily family,
        AddressSet? within)
    {
        foreach (var pod in owners)
        {
            foreach (var match in named)
            {
                if (pod.Pod.FindPort(match.Name) is not { } port || (match.Protocol is { } wanted && wanted != port.Protocol)) continue;
                foreach (var address in pod.Addresses(family))
                {
                    if (within is null || within.Contains(address)) yield return (address, port.Protocol, port.Number);
                }
            }
        }
    }
}
