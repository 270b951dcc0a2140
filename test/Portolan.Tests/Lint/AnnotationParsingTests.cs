using Portolan.Kubernetes;
using Portolan.Tests.Support;

namespace Portolan.Tests.Lint;

/// <summary>metadata.annotations reach the model for namespaces, policies of every kind, pods and workloads.</summary>
public sealed class AnnotationParsingTests
{
    private const string Manifests = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop, annotations: {portolan.dev/lint-disable: "a,b", other: x}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop, annotations: {portolan.dev/lint-disable: c}}
        spec:
          template:
            metadata: {labels: {app: web}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: solo, namespace: shop}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: p, namespace: shop, annotations: {portolan.dev/lint-disable: all}}
        spec: {podSelector: {}}
        ---
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata: {name: anp, annotations: {portolan.dev/lint-disable: d}}
        spec:
          priority: 1
          subject: {namespaces: {}}
        """;

    [Fact]
    public void Annotations_are_read_from_every_kind()
    {
        var cluster = new ManifestLoader(new StringReader(Manifests), _ => { }).Load(["-"]);

        Assert.Equal("a,b", cluster.Namespaces["shop"].Annotations.Map["portolan.dev/lint-disable"]);
        Assert.Equal("x", cluster.Namespaces["shop"].Annotations.Map["other"]);
        Assert.Equal("c", cluster.Pods.Single(p => p.Name == "web").Annotations.Map["portolan.dev/lint-disable"]);
        Assert.Equal(0, cluster.Pods.Single(p => p.Name == "solo").Annotations.Count);
        Assert.Equal("all", cluster.Policies.Single(p => p.Name == "p").Annotations.Map["portolan.dev/lint-disable"]);
        Assert.Equal("d", cluster.Policies.Single(p => p.Name == "anp").Annotations.Map["portolan.dev/lint-disable"]);
    }

    [Fact]
    public void An_annotation_that_is_not_a_string_is_invalid_input()
    {
        const string manifest = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  annotations:\n    portolan.dev/lint-disable: [a, b]\n";

        var result = CliRunner.RunWithStdin(manifest, "lint", "-");

        Assert.Equal(3, result.Exit);
        Assert.Equal("", result.Stdout);
        Assert.Contains("<stdin>:6", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("metadata.annotations", result.Stderr, StringComparison.Ordinal);
    }
}
