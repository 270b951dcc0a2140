using System.Net;
using Portolan.Core.Model;

namespace Portolan.Nftables.Lab;

/// <summary>The compiler the lab applies: <see cref="NftablesCompiler"/>, rejecting instead of dropping so denied probes answer at once.</summary>
public static class LabCompilers
{
    public const string TableName = "portolan";

    public static LabRuleset Nftables(Cluster cluster, IReadOnlyDictionary<string, IReadOnlyList<IPAddress>> addresses)
    {
        var compiled = NftablesCompiler.Compile(cluster, new PodAddresses(addresses), new CompileOptions(RejectInsteadOfDrop: true, TableName: TableName));
        return new LabRuleset(compiled.Text, TableName, compiled.RuleCount);
    }
}
