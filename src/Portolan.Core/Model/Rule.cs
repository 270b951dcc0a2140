using System.Collections.Immutable;

namespace Portolan.Core.Model;

/// <summary>
/// One rule of one direction. Empty <see cref="Peers"/> means every peer, empty <see cref="Ports"/>
/// means every protocol and port (semantics §3.4; admin tiers reject empty peers at load).
/// </summary>
public sealed record Rule(string Name, RuleAction Action, ImmutableArray<Peer> Peers, ImmutableArray<PortMatch> Ports, SourceLocation Origin);
