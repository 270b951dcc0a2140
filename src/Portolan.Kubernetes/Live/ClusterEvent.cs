using Portolan.Core.Analysis.Compressed;
using Portolan.Core.Model;

namespace Portolan.Kubernetes.Live;

/// <summary>What <see cref="ClusterWatcher"/> reports, in order; apply each to the state the previous ones built.</summary>
public abstract record ClusterEvent(string Reason);

/// <summary>
/// Replace the analysed state with <paramref name="Cluster"/>: the first list, a relist after 410
/// Gone, or a change to a namespace, node or workload object (which may touch every class).
/// </summary>
public sealed record ClusterReplaced(Cluster Cluster, string Reason) : ClusterEvent(Reason);

/// <summary>
/// Apply <paramref name="Change"/> to the state (e.g. <c>IncrementalAnalysis.Apply</c>). The old
/// policy or pod in it is the very instance the watcher handed out before, as Apply requires.
/// </summary>
public sealed record ClusterChanged(Change Change, string Reason) : ClusterEvent(Reason);
