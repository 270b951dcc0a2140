namespace Portolan.Tests.Cli;

/// <summary>Manifests the validation tests build on.</summary>
public static class Manifests
{
    /// <summary>NetworkPolicy shop/web with <paramref name="spec"/> (indented two spaces) as its spec; spec starts on line 7.</summary>
    public static string NetworkPolicy(string spec) => $"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: web
          namespace: shop
        spec:
        {spec}
        """;
}
