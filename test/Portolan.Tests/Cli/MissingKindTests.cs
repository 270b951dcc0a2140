namespace Portolan.Tests.Cli;

/// <summary>Every object needs apiVersion and kind; the error names the object as far as it can.</summary>
public sealed class MissingKindTests
{
    [Fact]
    public void An_object_without_kind_is_named_by_its_metadata() => InvalidInput.Rejects("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        ---
        apiVersion: v1  # <-
        metadata:
          name: web
          namespace: shop
        """, "object shop/web", "kind is missing: every object needs apiVersion and kind");

    [Fact]
    public void An_object_without_apiVersion_is_named_by_kind_and_metadata() => InvalidInput.Rejects("""
        # a pod
        kind: Pod  # <-
        metadata:
          name: web
          namespace: shop
        """, "Pod shop/web", "apiVersion is missing: every object needs apiVersion and kind");

    [Fact]
    public void An_object_with_neither_nor_a_name_is_still_located() => InvalidInput.Rejects("""
        metadata:  # <-
          labels: {app: web}
        """, "object", "kind is missing");

    [Fact]
    public void An_empty_kind_counts_as_missing() => InvalidInput.Rejects("""
        apiVersion: v1  # <-
        kind: ""
        metadata: {name: web}
        """, "object web", "kind is missing");

    [Fact]
    public void A_JSON_object_without_kind_is_located_too() => InvalidInput.Rejects("""
        {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "shop"}}
        ---
        {"apiVersion": "v1", # <-
         "metadata": {"name": "web", "namespace": "shop"}}
        """, "object shop/web", "kind is missing", file: "input.json");

    [Fact]
    public void An_item_of_a_plain_List_needs_its_own_kind() => InvalidInput.Rejects("""
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: Pod
            metadata: {name: api, namespace: shop}
          - apiVersion: v1  # <-
            metadata: {name: web, namespace: shop}
        """, "object shop/web", "kind is missing");
}
