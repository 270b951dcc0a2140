namespace Portolan.Tests.Server;

/// <summary>
/// The stored state the webhook tests decide against: shop/web and shop/db behind an ingress
/// default-deny, db open to web on 5432; other/client unrestricted; an AdminNetworkPolicy at priority 10.
/// </summary>
public static class Fixtures
{
    public const string Cluster = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop, labels: {team: shop}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: other}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec:
          containers: [{name: web, image: web, ports: [{name: http, containerPort: 8080}]}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: db, namespace: shop, labels: {app: db}}
        spec:
          containers: [{name: db, image: db, ports: [{containerPort: 5432}]}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client, namespace: other, labels: {app: client}}
        spec:
          containers: [{name: client, image: client}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: default-deny, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Ingress]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db-from-web, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress:
            - from: [{podSelector: {matchLabels: {app: web}}}]
              ports: [{port: 5432}]
        ---
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata: {name: pass-shop}
        spec:
          priority: 10
          subject: {namespaces: {matchLabels: {team: shop}}}
          ingress:
            - name: pass-all
              action: Pass
              from: [{namespaces: {}}]
        """;
}
