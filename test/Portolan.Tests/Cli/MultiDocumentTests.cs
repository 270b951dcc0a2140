using Portolan.Tests.Support;

namespace Portolan.Tests.Cli;

/// <summary>
/// Several objects in one file or stream: YAML documents separated by ---, and JSON values one after
/// another (as kubectl reads them), with line numbers that count from the start of the file.
/// </summary>
public sealed class MultiDocumentTests
{
    private const string TwoPods = """
        0.0.0.0-255.255.255.255[External] => shop/api[Pod] : All Connections
        0.0.0.0-255.255.255.255[External] => shop/web[Pod] : All Connections
        shop/api[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections
        shop/api[Pod] => shop/web[Pod] : All Connections
        shop/web[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections
        shop/web[Pod] => shop/api[Pod] : All Connections

        """;

    private static string PodJson(string name) =>
        $$$"""{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "{{{name}}}", "namespace": "shop"}}""";

    private static CliRunner.Result ListOf(string file, string text)
    {
        using var dir = new TempDirectory();
        dir.Write(file, text);
        return CliRunner.RunIn(dir.Path, "list", file);
    }

    [Fact]
    public void YAML_documents_separated_by_dashes_are_all_read()
    {
        var result = ListOf("pods.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: api, namespace: shop}\n---\n"
            + "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\n...\n");
        Assert.Equal(0, result.Exit);
        Assert.Equal(TwoPods, result.Stdout);
    }

    [Fact]
    public void JSON_values_one_per_line_are_all_read()
    {
        var result = ListOf("pods.json", $"{PodJson("api")}\n{PodJson("web")}\n");
        Assert.Equal(0, result.Exit);
        Assert.Equal(TwoPods, result.Stdout);
    }

    [Fact]
    public void JSON_values_back_to_back_are_all_read()
    {
        var result = ListOf("pods.json", PodJson("api") + PodJson("web"));
        Assert.Equal(TwoPods, result.Stdout);
    }

    [Fact]
    public void A_JSON_stream_on_stdin_is_read()
    {
        var result = CliRunner.RunWithStdin($"{PodJson("api")}\n{PodJson("web")}\n", "list", "-");
        Assert.Equal(0, result.Exit);
        Assert.Equal(TwoPods, result.Stdout);
    }

    [Fact]
    public void JSON_documents_separated_by_dashes_are_read()
    {
        var result = ListOf("pods.json", $"{PodJson("api")}\n---\n{PodJson("web")}\n");
        Assert.Equal(TwoPods, result.Stdout);
    }

    [Fact]
    public void An_error_in_a_later_JSON_value_names_its_line_in_the_file()
    {
        var text = $"{PodJson("api")}\n\n{PodJson("web")}\n{{\"apiVersion\": \"v1\",\n \"kind\": \"Pod\",\n \"metadata\": {{\"name\": \"db\", \"namespace\": \"shop\"}},\n"
            + " \"spec\": {\"containers\": [{\"name\": \"db\", \"ports\": [{\"containerPort\": 99999}]}]}}\n";
        InvalidInput.AssertRejected(ListOf("pods.json", text), "pods.json:7", "Pod shop/db", "containerPort: 99999 is not a port number (1-65535)");
    }

    [Fact]
    public void A_syntax_error_in_a_later_JSON_value_names_its_line_in_the_file()
    {
        var text = $"{PodJson("api")}\n{PodJson("web")}\n{{\"apiVersion\": \"v1\", \"kind\": \"Pod\",\n \"metadata\": {{\"name\": \"db\" \"namespace\": \"shop\"}}}}\n";
        InvalidInput.AssertRejected(ListOf("pods.json", text), "pods.json:4", null, "invalid JSON");
    }
}
