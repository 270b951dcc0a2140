using Portolan.Core.Model;

namespace Portolan.Core.Analysis.Compressed;

/// <summary>One change to the analysed state: a policy or a pod added, changed or removed.</summary>
public abstract record Change;

public sealed record PolicyAdded(Policy Policy) : Change;

public sealed record PolicyRemoved(Policy Policy) : Change;

public sealed record PolicyChanged(Policy Old, Policy New) : Change;

public sealed record PodAdded(Pod Pod) : Change;

public sealed record PodRemoved(Pod Pod) : Change;
