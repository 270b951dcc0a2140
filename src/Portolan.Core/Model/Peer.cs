using Portolan.Core.Selectors;
using Portolan.Core.Sets;

namespace Portolan.Core.Model;

/// <summary>The other end of a rule: pods, addresses, nodes, or something the analysis cannot match.</summary>
public abstract record Peer;

public sealed record PodPeer(PodSelection Selection) : Peer;

/// <summary>ipBlock (cidr minus excepts) or an admin-tier <c>networks</c> list; Text is the source form.</summary>
public sealed record IPBlockPeer(AddressSet Addresses, string Text) : Peer;

public sealed record NodePeer(LabelSelector Selector) : Peer;

/// <summary>A peer the analysis never matches (admin-tier <c>domainNames</c>), with the reason.</summary>
public sealed record UnmatchablePeer(string Description) : Peer;
