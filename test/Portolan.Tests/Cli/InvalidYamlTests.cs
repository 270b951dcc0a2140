using Portolan.Tests.Support;

namespace Portolan.Tests.Cli;

/// <summary>Text that is not YAML (or JSON): "invalid YAML" at the line where the problem is.</summary>
public sealed class InvalidYamlTests
{
    [Fact]
    public void An_unclosed_flow_sequence_is_reported_at_its_last_line_not_past_the_end() => InvalidInput.Rejects("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          labels: {app: [web  # <-

        """, null, "invalid YAML: while parsing a flow sequence, did not find expected ',' or ']'");

    [Fact]
    public void A_tab_used_as_indentation_is_reported_at_its_line() => InvalidInput.Rejects(
        "apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web  # <-\n",
        null, "invalid YAML: while scanning a mapping, found invalid tab as indentation");

    [Fact]
    public void A_plain_scalar_inside_an_unclosed_flow_mapping_is_invalid_input_not_an_internal_error() => InvalidInput.Rejects("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web
        spec: {}  # <-
        """, null, "invalid YAML: a flow collection ([...] or {...}) is unclosed");

    [Fact]
    public void A_key_indented_less_than_its_siblings_is_reported_at_its_line() => InvalidInput.Rejects("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
         labels: {app: web}  # <-
        """, null, "invalid YAML: while parsing a block mapping, did not find expected key");

    [Fact]
    public void A_duplicate_key_names_both_lines() => InvalidInput.Rejects("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        kind: Service  # <-
        """, null, "key \"kind\" already defined at line 2");

    [Fact]
    public void An_unknown_alias_is_rejected() => InvalidInput.Rejects("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          labels: *common  # <-
        """, null, "unknown alias *common");

    [Fact]
    public void Lines_count_from_the_start_of_the_file_across_documents() => InvalidInput.Rejects("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: data
        ---  # <-
        """, null, "invalid YAML");

    [Fact]
    public void Invalid_JSON_is_reported_at_its_line()
    {
        using var dir = new TempDirectory();
        dir.Write("pod.json", "{\"apiVersion\": \"v1\", \"kind\": \"Pod\",\n \"metadata\": {\"name\": \"web\",}\n");
        var result = CliRunner.RunIn(dir.Path, "list", "pod.json");
        InvalidInput.AssertRejected(result, "pod.json:2", null, "invalid JSON: while parsing a flow mapping, did not find expected ',' or '}'");
    }

    [Fact]
    public void Invalid_input_on_stdin_is_located_as_stdin()
    {
        var result = CliRunner.RunWithStdin("apiVersion: v1\nkind: [Pod\n", "list", "-");
        InvalidInput.AssertRejected(result, "<stdin>:2", null, "invalid YAML");
    }
}
