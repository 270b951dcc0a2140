using System.Collections.Immutable;
using Portolan.Core.Model;

namespace Portolan.Core.Analysis.Compressed;

/// <summary>
/// What a change did: the connections it opens and closes (per pair, only the protocols and ports
/// that changed), which classes were re-evaluated, and whether the state had to be rebuilt.
/// </summary>
/// <param name="ReevaluatedClasses">
/// Indices (in the engine after the change) of the classes whose rows were recomputed, ascending; a
/// pair of endpoints neither of which is listed decides as before. A rebuild lists every class.
/// </param>
public sealed record ChangeResult(
    Cluster Cluster,
    ImmutableArray<Connection> Opened,
    ImmutableArray<Connection> Closed,
    ImmutableArray<int> ReevaluatedClasses,
    bool Rebuilt);
