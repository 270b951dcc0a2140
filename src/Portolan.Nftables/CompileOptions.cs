namespace Portolan.Nftables;

/// <summary>
/// RejectInsteadOfDrop answers a denied TCP packet with a reset and others with ICMP port unreachable, so
/// probes fail fast; TableName is the <c>table inet</c> the ruleset replaces.
/// </summary>
public sealed record CompileOptions(bool RejectInsteadOfDrop = false, string TableName = "portolan");
