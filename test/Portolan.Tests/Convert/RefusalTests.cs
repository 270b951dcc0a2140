using Portolan.Tests.Support;

namespace Portolan.Tests.Convert;

/// <summary>
/// What v1alpha2 cannot express exactly is refused with exit 3, nothing on stdout, and one message
/// naming file:line, the object and the field (docs/convert.md); usage errors exit 2.
/// </summary>
public sealed class RefusalTests
{
    private const string Anp = """
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata:
          name: anp
        spec:
          priority: 5
          subject:
            namespaces: {}

        """;

    [Theory]
    [InlineData("networks: [10.0.0.0/8]", "networks")]
    [InlineData("nodes: {}", "nodes")]
    [InlineData("domainNames: [\"a.example\"]", "domainNames")]
    public void Named_port_beside_an_address_peer_in_an_egress_rule_is_refused(string peer, string field)
    {
        var yaml = Anp + $"""
              egress:
              - action: Allow
                to:
                - pods: {"{namespaceSelector: {}, podSelector: {}}"}
                - {peer}
                ports:
                - namedPort: dns
            """;

        var error = Refused(yaml);

        Assert.Equal("portolan: error: <stdin>:15: AdminNetworkPolicy anp: spec.egress[0].ports[0].namedPort: cannot be converted to "
            + $"ClusterNetworkPolicy v1alpha2: the rule's peers include spec.egress[0].to[1].{field}, and the v1alpha2 CRD rejects "
            + "destinationNamedPort in an egress rule with networks, nodes or domainNames peers", error);
    }

    [Fact]
    public void Named_port_with_pod_peers_only_or_in_ingress_is_converted()
    {
        var yaml = Anp + """
              ingress:
              - action: Allow
                from: [{namespaces: {}}]
                ports: [{namedPort: http}]
              egress:
              - action: Allow
                to: [{namespaces: {}}]
                ports: [{namedPort: dns}]
              - action: Deny
                to: [{networks: [0.0.0.0/0]}]
            """;

        var result = CliRunner.RunWithStdin(yaml, "convert", "--to", "v1alpha2", "-");

        Assert.Equal(0, result.Exit);
        Assert.Contains("- destinationNamedPort: http\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("- destinationNamedPort: dns\n", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(25, true)]
    [InlineData(26, false)]
    public void At_most_25_rules_per_direction(int count, bool accepted)
    {
        var rules = string.Concat(Enumerable.Repeat("  - {action: Deny, from: [{namespaces: {}}]}\n", count));
        var result = CliRunner.RunWithStdin(Anp + "  ingress:\n" + rules, "convert", "--to", "v1alpha2", "-");

        Assert.Equal(accepted ? 0 : 3, result.Exit);
        if (!accepted)
            Assert.Contains("<stdin>:10: AdminNetworkPolicy anp: spec.ingress: cannot be converted to ClusterNetworkPolicy v1alpha2: "
                + "it lists 26 ingress rules; v1alpha2 allows at most 25", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(25, true)]
    [InlineData(26, false)]
    public void At_most_25_peers_per_rule(int count, bool accepted)
    {
        var peers = string.Join(", ", Enumerable.Range(1, count).Select(i => $"{{networks: [10.0.{i}.0/24]}}"));
        var result = CliRunner.RunWithStdin(Anp + $"  egress:\n  - {{action: Deny, to: [{peers}]}}\n", "convert", "--to", "v1alpha2", "-");

        Assert.Equal(accepted ? 0 : 3, result.Exit);
        if (!accepted) Assert.Contains("spec.egress[0].to: cannot be converted to ClusterNetworkPolicy v1alpha2: it lists 26 peers; v1alpha2 allows at most 25", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(25, true)]
    [InlineData(26, false)]
    public void At_most_25_ports_per_rule(int count, bool accepted)
    {
        var ports = string.Join(", ", Enumerable.Range(1, count).Select(i => $"{{portNumber: {{port: {1000 + i}}}}}"));
        var result = CliRunner.RunWithStdin(Anp + $"  ingress:\n  - {{action: Deny, from: [{{namespaces: {{}}}}], ports: [{ports}]}}\n", "convert", "--to", "v1alpha2", "-");

        Assert.Equal(accepted ? 0 : 3, result.Exit);
        if (!accepted) Assert.Contains("spec.ingress[0].ports: cannot be converted to ClusterNetworkPolicy v1alpha2: it lists 26 port entries; v1alpha2 allows at most 25", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_that_would_be_lost_is_refused()
    {
        var error = Refused(Anp + "  ingress:\n  - action: Deny\n    from: [{namespaces: {}}]\n    sameLabels: [tenant]\n");

        Assert.Equal("portolan: error: <stdin>:12: AdminNetworkPolicy anp: spec.ingress[0].sameLabels: cannot be converted to ClusterNetworkPolicy v1alpha2: "
            + "\"sameLabels\" is not a v1alpha1 field that convert knows (name, action, from, ports), and it would be lost", error);
    }

    [Fact]
    public void An_anp_whose_name_a_cluster_network_policy_has_is_refused()
    {
        var cnp = "---\napiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: {name: anp}\n"
            + "spec: {tier: Admin, priority: 6, subject: {namespaces: {}}}\n";

        var error = Refused(Anp + cnp);

        Assert.Equal("portolan: error: <stdin>:1: AdminNetworkPolicy anp: cannot be converted to ClusterNetworkPolicy v1alpha2: "
            + "ClusterNetworkPolicy anp already exists at <stdin>:10; rename one of them", error);
    }

    [Fact]
    public void A_banp_beside_a_baseline_policy_at_priority_0_is_refused()
    {
        const string yaml = """
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            metadata: {name: first}
            spec: {tier: Baseline, priority: 0, subject: {namespaces: {}}}
            ---
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: BaselineAdminNetworkPolicy
            metadata: {name: default}
            spec: {subject: {namespaces: {}}}
            """;

        var error = Refused(yaml);

        Assert.StartsWith("portolan: error: <stdin>:6: BaselineAdminNetworkPolicy default: cannot be converted to ClusterNetworkPolicy v1alpha2: "
            + "it becomes the Baseline ClusterNetworkPolicy with priority 0", error, StringComparison.Ordinal);
        Assert.Contains("ClusterNetworkPolicy first (<stdin>:1) already has Baseline priority 0", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_range_ending_below_its_start_is_invalid_input_as_for_list()
    {
        var yaml = Anp + "  ingress:\n  - action: Deny\n    from: [{namespaces: {}}]\n    ports: [{portRange: {start: 10, end: 1}}]\n";

        var convert = CliRunner.RunWithStdin(yaml, "convert", "--to", "v1alpha2", "-");
        var list = CliRunner.RunWithStdin(yaml, "list", "-");

        Assert.Equal(3, convert.Exit);
        Assert.Equal("", convert.Stdout);
        Assert.Contains("end 1 is below start 10", convert.Stderr, StringComparison.Ordinal);
        Assert.Equal(list.Stderr.Split('\n').Single(l => l.StartsWith("portolan: error:", StringComparison.Ordinal)), convert.Stderr.TrimEnd('\n'));
    }

    [Fact]
    public void Invalid_input_fails_as_it_does_for_list()
    {
        var yaml = Anp.Replace("  priority: 5\n", "", StringComparison.Ordinal);

        var error = Refused(yaml);

        Assert.Equal("portolan: error: <stdin>:6: AdminNetworkPolicy anp: spec.priority: is required (0-1000)", error);
    }

    [Theory]
    [InlineData("convert", "-")]
    [InlineData("convert", "--to", "v1alpha1", "-")]
    [InlineData("convert", "--to", "v1alpha2")]
    [InlineData("convert", "--to", "v1alpha2", "no-such-file.yaml")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var result = CliRunner.RunWithStdin(Anp, args);

        Assert.Equal(2, result.Exit);
        Assert.Equal("", result.Stdout);
    }

    private static string Refused(string yaml)
    {
        var result = CliRunner.RunWithStdin(yaml, "convert", "--to", "v1alpha2", "-");
        Assert.Equal(3, result.Exit);
        Assert.Equal("", result.Stdout);
        return result.Stderr.TrimEnd('\n');
    }
}
