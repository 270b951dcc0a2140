using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Model;

namespace Portolan.Server.State;

/// <summary>
/// A change an admission request proposes, the state before and after it, and what it opens and
/// closes. <see cref="Engine"/> holds the proposed state only while the checks run.
/// </summary>
public sealed record Proposal(Change Change, Cluster Current, ChangeResult Effect, CompressedEngine Engine)
{
    public Cluster Proposed => Effect.Cluster;
}
