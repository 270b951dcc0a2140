using Portolan.Tests.Support;

namespace Portolan.Tests.Cli;

/// <summary>List and *List kinds, in YAML and JSON: items are objects; an item without kind takes it from a *List.</summary>
public sealed class ListKindTests
{
    private static CliRunner.Result ListOf(string file, string text)
    {
        using var dir = new TempDirectory();
        dir.Write(file, text);
        return CliRunner.RunIn(dir.Path, "list", file);
    }

    [Fact]
    public void PodList_items_without_kind_are_pods()
    {
        var result = ListOf("pods.yaml", """
            apiVersion: v1
            kind: PodList
            items:
              - metadata: {name: api, namespace: shop, labels: {app: api}}
              - metadata: {name: web, namespace: shop, labels: {app: web}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicyList
            items:
              - metadata: {name: api, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]}]
            """);
        Assert.Equal(0, result.Exit);
        Assert.Equal("", result.Stderr);
        Assert.Equal("""
            0.0.0.0-255.255.255.255[External] => shop/web[Pod] : All Connections
            shop/api[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections
            shop/api[Pod] => shop/web[Pod] : All Connections
            shop/web[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections
            shop/web[Pod] => shop/api[Pod] : All Connections

            """, result.Stdout);
    }

    [Fact]
    public void DeploymentList_items_without_kind_are_deployments()
    {
        var result = ListOf("deployments.yaml", """
            apiVersion: apps/v1
            kind: DeploymentList
            items:
              - metadata: {name: web, namespace: shop}
                spec: {template: {metadata: {labels: {app: web}}}}
            """);
        Assert.Equal(0, result.Exit);
        Assert.Contains("shop/web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_JSON_List_holds_objects_of_several_kinds()
    {
        var result = ListOf("cluster.json", """
            {
              "apiVersion": "v1",
              "kind": "List",
              "items": [
                {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "shop", "labels": {"env": "prod"}}},
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "api", "namespace": "shop", "labels": {"app": "api"}}},
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web", "namespace": "shop", "labels": {"app": "web"}}},
                {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "deny-all", "namespace": "shop"},
                 "spec": {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}}
              ]
            }
            """);
        Assert.Equal(0, result.Exit);
        Assert.Equal("", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void A_List_item_that_is_not_an_object_is_skipped_with_a_note()
    {
        var result = ListOf("list.yaml", """
            apiVersion: v1
            kind: List
            items:
              - {apiVersion: v1, kind: Pod, metadata: {name: api, namespace: shop}}
              - just a string
            """);
        Assert.Equal(0, result.Exit);
        Assert.Equal("""
            note: list.yaml:5: skipping a list item that is a scalar, not an object
            note: no policies found in the input: every connection is allowed

            """, result.Stderr);
    }

    [Fact]
    public void An_empty_List_is_fine()
    {
        var result = ListOf("empty.json", """{"apiVersion": "v1", "kind": "List", "items": []}""");
        Assert.Equal(0, result.Exit);
        Assert.Equal("", result.Stdout);
    }
}
