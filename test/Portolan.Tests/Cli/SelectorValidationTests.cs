using static Portolan.Tests.Cli.Manifests;

namespace Portolan.Tests.Cli;

/// <summary>Label selectors the API server would reject: bad keys, values and operators (semantics §2).</summary>
public sealed class SelectorValidationTests
{
    private const string Web = "NetworkPolicy shop/web";

    [Fact]
    public void A_matchLabels_key_with_a_space_is_rejected() => InvalidInput.Rejects(NetworkPolicy("""
          podSelector:
            matchLabels:
              app: web
              "bad key": x  # <-
        """), Web, "spec.podSelector.matchLabels: invalid label key \"bad key\"");

    [Fact]
    public void A_key_prefix_that_is_not_a_DNS_subdomain_is_rejected() => InvalidInput.Rejects(NetworkPolicy("""
          podSelector:
            matchLabels: {Example.COM/app: web}  # <-
        """), Web, "invalid label key \"Example.COM/app\": the prefix must be a DNS subdomain");

    [Fact]
    public void A_key_name_longer_than_63_characters_is_rejected() => InvalidInput.Rejects(NetworkPolicy($$"""
          podSelector:
            matchLabels: {{{new string('a', 64)}}: web}  # <-
        """), Web, "the name must be 1-63 characters");

    [Fact]
    public void A_matchLabels_value_starting_with_a_dash_is_rejected() => InvalidInput.Rejects(NetworkPolicy("""
          podSelector:
            matchLabels: {app: "-web"}  # <-
        """), Web, "invalid label value \"-web\"");

    [Fact]
    public void A_value_longer_than_63_characters_is_rejected() => InvalidInput.Rejects(NetworkPolicy($$"""
          podSelector:
            matchLabels: {app: {{new string('v', 64)}}}  # <-
        """), Web, "must be at most 63 characters");

    [Fact]
    public void A_bad_value_in_matchExpressions_is_reported_on_its_own_line() => InvalidInput.Rejects(NetworkPolicy("""
          podSelector:
            matchExpressions:
              - key: app
                operator: In
                values:
                  - web
                  - "not ok"  # <-
        """), Web, "spec.podSelector.matchExpressions[0].values[1]: invalid label value \"not ok\"");

    [Fact]
    public void A_bad_key_in_matchExpressions_is_reported_on_its_own_line() => InvalidInput.Rejects(NetworkPolicy("""
          podSelector:
            matchExpressions:
              - operator: Exists
                key: "app name"  # <-
        """), Web, "spec.podSelector.matchExpressions[0].key: invalid label key \"app name\"");

    [Fact]
    public void An_unknown_operator_is_rejected() => InvalidInput.Rejects(NetworkPolicy("""
          podSelector:
            matchExpressions:
              - key: app
                operator: Equals  # <-
                values: [web]
        """), Web, "matchExpressions[0].operator: \"Equals\" is not a valid selector operator (In, NotIn, Exists, DoesNotExist)");

    [Fact]
    public void Operators_are_case_sensitive() => InvalidInput.Rejects(NetworkPolicy("""
          podSelector:
            matchExpressions:
              - {key: app, operator: in, values: [web]}  # <-
        """), Web, "\"in\" is not a valid selector operator");

    [Fact]
    public void Exists_with_values_is_rejected() => InvalidInput.Rejects(NetworkPolicy("""
          podSelector:
            matchExpressions:
              - key: app
                operator: Exists
                values:
                  - web  # <-
        """), Web, "matchExpressions[0].values: must be empty when operator is Exists");

    [Fact]
    public void In_with_an_empty_values_list_is_rejected() => InvalidInput.Rejects(NetworkPolicy("""
          podSelector:
            matchExpressions:
              - key: app
                operator: NotIn
                values: []  # <-
        """), Web, "matchExpressions[0].values: must be non-empty when operator is NotIn");

    [Fact]
    public void In_without_values_is_reported_at_the_expression() => InvalidInput.Rejects(NetworkPolicy("""
          podSelector:
            matchExpressions:
              - key: app  # <-
                operator: In
        """), Web, "must be non-empty when operator is In");

    [Fact]
    public void Peer_selectors_are_validated_too() => InvalidInput.Rejects(NetworkPolicy("""
          podSelector: {}
          ingress:
            - from:
                - namespaceSelector:
                    matchLabels: {team: "a b"}  # <-
        """), Web, "spec.ingress[0].from[0].namespaceSelector.matchLabels: invalid label value \"a b\"");
}
