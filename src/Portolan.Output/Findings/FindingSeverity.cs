namespace Portolan.Output.Findings;

/// <summary>How serious a finding is; SARIF levels note, warning and error.</summary>
public enum FindingSeverity
{
    Info,
    Warning,
    Error,
}
