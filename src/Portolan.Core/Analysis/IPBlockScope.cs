namespace Portolan.Core.Analysis;

/// <summary>
/// What an ipBlock (or admin-tier <c>networks</c>) matches. All: pods whose IP is known as well as
/// external addresses, as dataplanes do; External: external addresses only, as np-guard does.
/// </summary>
public enum IPBlockScope
{
    All,
    External,
}
