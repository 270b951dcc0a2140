using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Model;

namespace Portolan.Server.State;

/// <summary>A change an admission request proposes, the state before and after it, and what it opens and closes.</summary>
public sealed record Proposal(Change Change, Cluster Current, ChangeResult Effect)
{
    public Cluster Proposed => Effect.Cluster;
}
