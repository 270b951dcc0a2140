using Portolan.Core.Model;

namespace Portolan.Core.Analysis.Diff;

/// <summary>A manifest that explains one diff entry: a policy rule, an isolating policy, or a workload.</summary>
public sealed record DiffCause(string Description, SourceLocation Location);
