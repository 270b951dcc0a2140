using System.Collections.Immutable;
using Portolan.Core.Sets;

namespace Portolan.Core.Analysis.Diff;

/// <summary>
/// One pair of peers whose allowed connections differ: Before and After are np-guard's ref1 and ref2
/// (<see cref="ConnectionSet.None"/> where a side allows nothing). OneSidedPeers are the peers of this
/// pair that exist on one side only (new with an added entry, gone with a removed one), source first.
/// </summary>
public sealed record DiffEntry(
    DiffKind Kind,
    ReportPeer Source,
    ReportPeer Destination,
    ConnectionSet Before,
    ConnectionSet After,
    ImmutableArray<ReportPeer> OneSidedPeers)
{
    /// <summary>What After allows that Before did not: the new exposure.</summary>
    public ConnectionSet Opened => After.Subtract(Before);

    /// <summary>What Before allowed that After does not.</summary>
    public ConnectionSet Closed => Before.Subtract(After);

    public DiffChange Change => Kind switch
    {
        DiffKind.Added => DiffChange.Added,
        DiffKind.Removed => DiffChange.Removed,
        _ when Closed.IsEmpty => DiffChange.Widened,
        _ when Opened.IsEmpty => DiffChange.Narrowed,
        _ => DiffChange.Altered,
    };

    public static DiffKind KindOf(ConnectionSet before, ConnectionSet after) =>
        before.IsEmpty ? DiffKind.Added : after.IsEmpty ? DiffKind.Removed : DiffKind.Changed;
}
