namespace Portolan.Output.Findings;

/// <summary>What a command (lint, check) found, with the catalogue of rules it applied.</summary>
public sealed record FindingReport(string Command, IReadOnlyList<FindingRule> Rules, IReadOnlyList<Finding> Findings)
{
    /// <summary>The findings in the one order every format prints: file, line, rule, object, message (ordinal).</summary>
    public IReadOnlyList<Finding> Sorted => [.. Findings.Order(FindingOrder.Instance)];

    public int Count(FindingSeverity severity) => Findings.Count(f => f.Severity == severity);

    public FindingRule? Rule(string id) => Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal));
}
