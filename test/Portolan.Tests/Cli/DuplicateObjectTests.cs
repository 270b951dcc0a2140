using Portolan.Tests.Support;

namespace Portolan.Tests.Cli;

/// <summary>Two objects with the same kind, namespace and name are an error, wherever they come from.</summary>
public sealed class DuplicateObjectTests
{
    private static string Policy(string name, string? ns) => $"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: {name}
        {(ns is null ? "" : $"  namespace: {ns}\n")}spec:
          podSelector: {"{}"}
        """;

    [Fact]
    public void A_duplicate_in_one_file_names_both_places() => InvalidInput.Rejects($"""
        {Policy("deny", "shop")}
        ---
        # the same policy again
        apiVersion: networking.k8s.io/v1  # <-
        kind: NetworkPolicy
        metadata:
          name: deny
          namespace: shop
        spec:
          podSelector: {"{}"}
        """, "NetworkPolicy shop/deny", "duplicate object: NetworkPolicy shop/deny is already defined at input.yaml:1");

    [Fact]
    public void A_duplicate_across_files_is_reported_at_the_later_file_in_ordinal_order()
    {
        using var dir = new TempDirectory();
        dir.Write("manifests/a.yaml", Policy("deny", "shop"));
        dir.Write("manifests/sub/b.yaml", Policy("deny", "shop"));
        var result = CliRunner.RunIn(dir.Path, "list", "manifests");
        InvalidInput.AssertRejected(result, "manifests/sub/b.yaml:1", "NetworkPolicy shop/deny",
            "is already defined at manifests/a.yaml:1");
    }

    [Fact]
    public void No_namespace_and_namespace_default_are_the_same_object() => InvalidInput.Rejects($"""
        {Policy("deny", null)}
        ---
        apiVersion: networking.k8s.io/v1  # <-
        kind: NetworkPolicy
        metadata: {"{"}name: deny, namespace: default{"}"}
        spec: {"{"}podSelector: {"{}"}{"}"}
        """, "NetworkPolicy default/deny", "duplicate object");

    [Fact]
    public void A_duplicate_inside_a_List_is_reported_at_the_item() => InvalidInput.Rejects("""
        apiVersion: v1
        kind: List
        items:
          - {apiVersion: v1, kind: Pod, metadata: {name: web, namespace: shop}}
          - {apiVersion: v1, kind: Pod, metadata: {name: web, namespace: shop}}  # <-
        """, "Pod shop/web", "is already defined at input.yaml:4");

    [Fact]
    public void The_same_name_in_another_namespace_or_of_another_kind_is_no_duplicate()
    {
        using var dir = new TempDirectory();
        dir.Write("all.yaml", $"""
            {Policy("web", "shop")}
            ---
            {Policy("web", "data")}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {"{"}name: web, namespace: shop{"}"}
            """);
        var result = CliRunner.RunIn(dir.Path, "list", "all.yaml");
        Assert.Equal(0, result.Exit);
        Assert.Equal("", result.Stderr);
    }
}
