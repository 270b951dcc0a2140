using System.Net;
using Portolan.Core.Model;
using Portolan.Nftables.Lab;

namespace Portolan.Tests.Kernel;

/// <summary>
/// The lab's own machinery (namespaces, routing, listeners, probes, comparison) against hand-written
/// rulesets: one that enforces the manifests' single policy, and one that enforces nothing.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class LabStandInTests
{
    private const string Manifests = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: a, labels: {app: web}}
        spec: {containers: [{name: c, ports: [{containerPort: 80}, {containerPort: 53, protocol: UDP}]}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: db, namespace: a, labels: {app: db}}
        spec: {containers: [{name: c, ports: [{containerPort: 5432}, {containerPort: 53, protocol: UDP}]}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db-from-web, namespace: a}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 5432}]}]
        """;

    // What a correct compiler would write for this one policy: db accepts web on TCP 5432, nothing else.
    private static LabRuleset Enforcing(Cluster cluster, IReadOnlyDictionary<string, IReadOnlyList<IPAddress>> addresses)
    {
        var web = addresses["a/web"][0];
        var db = addresses["a/db"][0];
        return new LabRuleset($$"""
            table inet standin {
              chain forward {
                type filter hook forward priority filter; policy accept;
                ct state established,related accept
                ip saddr {{web}} ip daddr {{db}} tcp dport 5432 accept
                ip daddr {{db}} meta l4proto tcp reject with tcp reset
                ip daddr {{db}} reject with icmpx admin-prohibited
              }
            }
            """, "standin", 4);
    }

    private static LabRuleset Open(Cluster cluster, IReadOnlyDictionary<string, IReadOnlyList<IPAddress>> addresses) =>
        new("table inet standin {\n  chain forward {\n    type filter hook forward priority filter; policy accept;\n  }\n}\n", "standin", 0);

    [KernelFact]
    public void Lab_agrees_with_a_ruleset_that_enforces_the_policy()
    {
        var result = LabFixture.Run(Enforcing, new LabOptions(), LabFixture.Load(Manifests))[0];
        Assert.True(result.AllAgree, LabFixture.Describe(result));
        Assert.Contains(result.Outcomes, o => o.KernelAllowed);
        Assert.Contains(result.Outcomes, o => !o.KernelAllowed);
        Assert.Contains(result.Outcomes, o => o.Probe.Protocol == Portolan.Core.Sets.Protocol.UDP && o.KernelAllowed);
    }

    [KernelFact]
    public void Lab_reports_what_a_ruleset_that_enforces_nothing_lets_through()
    {
        var result = LabFixture.Run(Open, new LabOptions(), LabFixture.Load(Manifests))[0];
        Assert.False(result.AllAgree);
        // Exactly the probes into db other than web on TCP 5432: the policy isolates db, the ruleset does not.
        Assert.All(result.Disagreements, d =>
        {
            Assert.Equal("a/db", d.Probe.Destination.Name);
            Assert.False(d.AnalysisAllowed);
            Assert.Equal(KernelVerdict.Allowed, d.Kernel);
        });
        Assert.Equal(result.Outcomes.Count(o => o.Probe.Destination.Name == "a/db" && !o.AnalysisAllowed), result.Disagreements.Length);
    }
}
