using System.Net;
using Portolan.Core.Model;
using Portolan.Kubernetes;
using Portolan.Tests.Support;

namespace Portolan.Tests.Nftables;

/// <summary>Clusters with an address for every pod: the bundled example and np-guard's corpus, as a lab would address them.</summary>
public static class AddressedClusters
{
    /// <summary>Every pod (and workload template) gets 10.128.x.y, in input order; with <paramref name="someIPv6"/>, every third gets fd00:128::n instead.</summary>
    public static Cluster Assign(Cluster cluster, bool someIPv6) => cluster with
    {
        Pods = [.. cluster.Pods.Select((p, i) => p with
        {
            IPs = [someIPv6 && i % 3 == 2 ? IPAddress.Parse($"fd00:128::{i + 1:x}") : IPAddress.Parse($"10.128.{i / 250}.{i % 250 + 1}")],
        })],
    };

    public static Cluster Load(params string[] paths) => new ManifestLoader(new StringReader(""), _ => { }).Load(paths);

    public static Cluster Corpus(string name)
    {
        var c = Conformance.CorpusCase.Named("connlist", name);
        return Load([.. c.Inputs.Select(i => Path.Combine(Paths.Conformance, i))]);
    }
}
