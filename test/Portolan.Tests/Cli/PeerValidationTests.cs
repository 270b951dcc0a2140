using static Portolan.Tests.Cli.Manifests;

namespace Portolan.Tests.Cli;

/// <summary>Peers the API server would reject: no field at all, or ipBlock beside a selector (semantics §3.5).</summary>
public sealed class PeerValidationTests
{
    private const string Web = "NetworkPolicy shop/web";

    [Fact]
    public void An_ingress_peer_with_no_field_is_rejected() => InvalidInput.Rejects(NetworkPolicy("""
          podSelector: {}
          ingress:
            - from:
                - {}  # <-
        """), Web, "spec.ingress[0].from[0]: must specify a peer: podSelector, namespaceSelector or ipBlock");

    [Fact]
    public void An_egress_peer_with_no_field_is_rejected() => InvalidInput.Rejects(NetworkPolicy("""
          podSelector: {}
          policyTypes: [Egress]
          egress:
            - ports: [{port: 53}]
            - to:
                - podSelector: {}
                - {}  # <-
        """), Web, "spec.egress[1].to[1]: must specify a peer");

    [Fact]
    public void IPBlock_with_a_podSelector_is_rejected() => InvalidInput.Rejects(NetworkPolicy("""
          podSelector: {}
          ingress:
            - from:
                - ipBlock: {cidr: 10.0.0.0/8}  # <-
                  podSelector: {}
        """), Web, "spec.ingress[0].from[0]: may not specify both ipBlock and another peer");

    [Fact]
    public void IPBlock_with_a_namespaceSelector_is_rejected() => InvalidInput.Rejects(NetworkPolicy("""
          podSelector: {}
          ingress:
            - from:
                - namespaceSelector: {}  # <-
                  ipBlock:
                    cidr: 10.0.0.0/8
        """), Web, "may not specify both ipBlock and another peer (podSelector or namespaceSelector)");
}
