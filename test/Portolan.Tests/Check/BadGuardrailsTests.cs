using Portolan.Tests.Support;

namespace Portolan.Tests.Check;

/// <summary>
/// A guardrails file that is wrong is refused with exit 3, nothing on stdout, and a message naming
/// the file, the line of the offending field and the statement.
/// </summary>
public sealed class BadGuardrailsTests
{
    private static readonly string Cluster = Path.Combine(Paths.Golden, "check", "cluster");

    public static TheoryData<string, string> Cases => new()
    {
        // A misspelt field would widen the statement silently: it is an error.
        { """
              - name: a
                deny:
                  from:
                    - namespaces: [web]
                      podSelecter: {matchLabels: {app: x}}
          """, "g.yaml:11: guardrail a: spec.guardrails[0].deny.from[0].podSelecter: unknown field (expected one of: namespaces, namespaceSelector, podSelector, cidr, except)" },
        { """
              - name: b
                deny: {to: [{cidr: 10.0.0.0/33}]}
          """, "g.yaml:8: guardrail b: spec.guardrails[0].deny.to[0].cidr: \"10.0.0.0/33\" is not a CIDR (e.g. 10.0.0.0/8 or fd00::/8)" },
        { """
              - name: c
                require:
                  ports:
                    - port: 70000
          """, "g.yaml:10: guardrail c: spec.guardrails[0].require.ports[0].port: 70000 is not a port number (1-65535)" },
        { """
              - name: d
                require:
                  ports:
                    - {port: 9000-8000}
          """, "g.yaml:10: guardrail d: spec.guardrails[0].require.ports[0].port: \"9000-8000\" is an empty range: 8000 is below 9000" },
        { """
              - name: e
                deny: {}
                isolated: {}
          """, "g.yaml:7: guardrail e: spec.guardrails[0]: has deny and isolated: one statement per guardrail (split it into several named ones)" },
        { """
              - name: f
          """, "g.yaml:7: guardrail f: spec.guardrails[0]: needs one statement: deny, require, only or isolated" },
        { """
              - deny: {}
          """, "g.yaml:7: guardrail: spec.guardrails[0].name: is required: every guardrail has a name (it is the rule id in reports)" },
        { """
              - name: Bad_Name
                deny: {}
          """, "g.yaml:7: guardrail: spec.guardrails[0].name: \"Bad_Name\" is not a valid name: 1-63 characters of [a-z0-9-], starting and ending with a letter or digit" },
        { """
              - name: g
                deny: {}
              - name: g
                deny: {}
          """, "g.yaml:9: guardrail g: the name is already used at g.yaml:7; names must be unique" },
        { """
              - name: h
                isolated:
                  namespaces: [web]
                  direction: inbound
          """, "g.yaml:10: guardrail h: spec.guardrails[0].isolated.direction: \"inbound\" is not a direction (ingress, egress or both)" },
        { """
              - name: i
                only:
                  allow:
                    - from: [{namespaces: [web]}]
          """, "g.yaml:9: guardrail i: spec.guardrails[0].only.to: is required: the destinations that may be reached only as allowed" },
        { """
              - name: j
                deny:
                  from:
                    - cidr: 10.0.0.0/8
                      namespaces: [web]
          """, "g.yaml:10: guardrail j: spec.guardrails[0].deny.from[0]: picks either external addresses (cidr) or pods (namespaces, namespaceSelector, podSelector), not both" },
        { """
              - name: k
                deny:
                  to: []
          """, "g.yaml:9: guardrail k: spec.guardrails[0].deny.to: must not be empty: omit to to mean anywhere" },
        { """
              - name: l
                require:
                  to:
                    - podSelector: {matchExpressions: [{key: app, operator: Maybe}]}
          """, "g.yaml:10: guardrail l: spec.guardrails[0].require.to[0].podSelector.matchExpressions[0].operator: \"Maybe\" is not a valid selector operator (In, NotIn, Exists, DoesNotExist)" },
        { """
              - name: m
                severity: critical
                deny: {}
          """, "g.yaml:8: guardrail m: spec.guardrails[0].severity: \"critical\" is not a severity (error, warning or info)" },
        { """
              - name: n
                deny:
                  ports:
                    - {protocol: tcp, port: 80}
          """, "g.yaml:10: guardrail n: spec.guardrails[0].deny.ports[0].protocol: \"tcp\" is not a protocol (TCP, UDP or SCTP)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_statement_names_file_line_and_statement(string statements, string expected)
    {
        using var dir = new TempDirectory();
        dir.Write("g.yaml", CheckExitCodeTests.Guardrails(statements));

        var result = CliRunner.RunIn(dir.Path, "check", "--guardrails", "g.yaml", Cluster);

        Assert.Equal(3, result.Exit);
        Assert.Equal("", result.Stdout);
        Assert.Equal($"portolan: error: {expected}\n", result.Stderr);
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n", "g.yaml:1: Guardrails: a guardrails file holds apiVersion portolan.dev/v1alpha1, kind Guardrails documents, not apiVersion v1, kind ConfigMap")]
    [InlineData("apiVersion: portolan.dev/v1alpha1\nkind: Guardrails\nspec: {}\n", "g.yaml:3: Guardrails: spec.guardrails: is required: a list of named statements")]
    [InlineData("apiVersion: portolan.dev/v1alpha1\nkind: Guardrails\nspec:\n  guardrails: [\n", "g.yaml:4: invalid YAML:")]
    [InlineData("apiVersion: portolan.dev/v1alpha1\nkind: Guardrails\nspec:\n  guardrails: []\n", "no guardrails in g.yaml")]
    public void A_bad_document_names_file_and_line(string text, string expected)
    {
        using var dir = new TempDirectory();
        dir.Write("g.yaml", text);

        var result = CliRunner.RunIn(dir.Path, "check", "--guardrails", "g.yaml", Cluster);

        Assert.Equal(3, result.Exit);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith($"portolan: error: {expected}", result.Stderr, StringComparison.Ordinal);
    }
}
