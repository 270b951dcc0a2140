using static Portolan.Tests.Semantics.Manifest;

namespace Portolan.Tests.Semantics;

/// <summary>
/// Which pods a workload stands for and how it is named (semantics §3.1, §6; §7 cases 38, 66, 67).
/// Not tested: 33 (a pod's traffic to itself is never printed and goes through no Service here),
/// 34 (traffic from the pod's own node: node IPs are unknown to a manifest analyzer), 35 (hostNetwork
/// pods: two conformant behaviours, no single expected verdict), 36 (ICMP/ARP: undefined and outside
/// the TCP/UDP/SCTP universe).
/// </summary>
public sealed class WorkloadTests
{
    private static string WebWithSelector(string app) => Docs(
        Namespace("ns1"),
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: ns1
          labels: {app: a}
        spec:
          replicas: 3
          selector: {matchLabels: {app: b}}
          template:
            metadata:
              labels: {app: b}
            spec:
              containers:
              - name: web
                image: nginx
                ports: [{containerPort: 80}]
        """,
        Pod("ns1", "client", "role: client"),
        $$"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: x, namespace: ns1}
        spec:
          podSelector:
            matchLabels:
              app: {{app}}
          policyTypes: [Ingress]
        """);

    // §7.38 podSelector matches the pod template's labels, not the Deployment's own — K8S-TYPES; NPG PodsFromWorkloadObject
    [Fact]
    public void Policy_selects_a_workload_by_its_template_labels()
    {
        Assert.Empty(Into(List(WebWithSelector("b")), "ns1/web[Deployment]"));
    }

    // §7.38 the Deployment's metadata labels select nothing — K8S-TYPES
    [Fact]
    public void Policy_does_not_select_a_workload_by_its_metadata_labels()
    {
        AssertLines(Into(List(WebWithSelector("a")), "ns1/web[Deployment]"),
            $"{World} => ns1/web[Deployment] : {All}",
            $"ns1/client[Pod] => ns1/web[Deployment] : {All}");
    }

    // §7.66 a Deployment with 3 replicas never shows X => X — NPG README; TestNotContainedOutputLines
    [Fact]
    public void Workload_to_itself_is_never_printed()
    {
        var lines = List(WebWithSelector("a"));
        Assert.DoesNotContain(lines, l => l.StartsWith("ns1/web[Deployment] => ns1/web[Deployment]", StringComparison.Ordinal));
        Assert.Contains($"ns1/web[Deployment] => ns1/client[Pod] : {All}", lines);
    }

    // §7.67 ReplicaSet-owned pods print as the owner (one peer), a Node-owned static pod as itself — corpus onlineboutique, minikube_resources
    [Fact]
    public void Pods_print_as_their_controller_owner_except_a_node()
    {
        string Owned(string name, string ownerKind, string ownerName, string ns = "default") => $$"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: {{name}}
              namespace: {{ns}}
              labels:
                app: {{ownerName}}
              ownerReferences:
              - apiVersion: v1
                kind: {{ownerKind}}
                name: {{ownerName}}
                controller: true
                uid: u-{{name}}
            spec:
              containers: [{name: main, image: pause}]
            """;
        var yaml = Docs(
            Owned("frontend-99684f7f8-aaaaa", "ReplicaSet", "frontend-99684f7f8"),
            Owned("frontend-99684f7f8-bbbbb", "ReplicaSet", "frontend-99684f7f8"),
            Owned("frontend-99684f7f8-ccccc", "ReplicaSet", "frontend-99684f7f8"),
            Owned("etcd-minikube", "Node", "minikube", "kube-system"));
        AssertLines(List(yaml),
            $"{World} => default/frontend-99684f7f8[ReplicaSet] : {All}",
            $"{World} => kube-system/etcd-minikube[Pod] : {All}",
            $"default/frontend-99684f7f8[ReplicaSet] => {World} : {All}",
            $"default/frontend-99684f7f8[ReplicaSet] => kube-system/etcd-minikube[Pod] : {All}",
            $"kube-system/etcd-minikube[Pod] => {World} : {All}",
            $"kube-system/etcd-minikube[Pod] => default/frontend-99684f7f8[ReplicaSet] : {All}");
    }

    // conformance README: a missing namespace means default
    [Fact]
    public void Missing_namespace_means_default()
    {
        var yaml = Docs(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: lonely, labels: {app: lonely}}
            spec:
              containers: [{name: main, image: pause}]
            """,
            Pod("ns1", "a", "app: a"));
        Assert.Contains($"default/lonely[Pod] => ns1/a[Pod] : {All}", List(yaml));
    }
}
