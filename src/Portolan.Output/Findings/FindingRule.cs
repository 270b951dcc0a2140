namespace Portolan.Output.Findings;

/// <summary>
/// One rule of a catalogue (lint rules, guardrail statements). <see cref="Id"/> is stable across
/// releases: code-scanning alerts and disable lists refer to it.
/// </summary>
public sealed record FindingRule(string Id, string Name, FindingSeverity DefaultSeverity,
    string Summary, string Explanation, string FixHint);
