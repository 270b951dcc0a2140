using System.Collections.Immutable;
using Portolan.Core.Model;

namespace Portolan.Core.Analysis.Compressed;

/// <summary>
/// What a change did: the connections it opens and closes (per pair, only the protocols and ports
/// that changed), how many classes were re-evaluated, and whether the state had to be rebuilt.
/// </summary>
public sealed record ChangeResult(
    Cluster Cluster,
    ImmutableArray<Connection> Opened,
    ImmutableArray<Connection> Closed,
    int ReevaluatedClasses,
    bool Rebuilt);
