using Portolan.Tests.Support;

namespace Portolan.Tests.Cli;

/// <summary>Where input comes from: files, directories (recursive, *.yaml/*.yml/*.json only), "-", -f.</summary>
public sealed class InputPathTests
{
    private const string Api = """
        apiVersion: v1
        kind: Pod
        metadata: {name: api, namespace: shop, labels: {app: api}}
        """;

    private const string Web = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        """;

    // Only web may reach api, and nothing else in shop may be reached.
    private const string Policy = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api, namespace: shop}
        spec:
          podSelector: {}
          ingress:
            - from: [{podSelector: {matchLabels: {app: web}}}]
        """;

    private const string Expected = """
        shop/api[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections
        shop/web[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections
        shop/web[Pod] => shop/api[Pod] : All Connections

        """;

    [Fact]
    public void A_path_that_does_not_exist_is_a_usage_error_naming_it()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.RunIn(dir.Path, "list", "nope.yaml");
        Assert.Equal(2, result.Exit);
        Assert.Equal("", result.Stdout);
        Assert.Equal("portolan: error: nope.yaml: no such file or directory\n", result.Stderr);
    }

    [Fact]
    public void A_missing_path_among_good_ones_still_fails_and_prints_nothing()
    {
        using var dir = new TempDirectory();
        dir.Write("api.yaml", Api);
        var result = CliRunner.RunIn(dir.Path, "list", "api.yaml", "manifests/");
        Assert.Equal(2, result.Exit);
        Assert.Equal("", result.Stdout);
        Assert.Equal("portolan: error: manifests/: no such file or directory\n", result.Stderr);
    }

    [Fact]
    public void Dash_reads_stdin()
    {
        var result = CliRunner.RunWithStdin($"{Api}\n---\n{Web}\n---\n{Policy}\n", "list", "-");
        Assert.Equal(0, result.Exit);
        Assert.Equal(Expected, result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Filename_may_be_repeated_and_mixed_with_PATH_and_stdin()
    {
        using var dir = new TempDirectory();
        dir.Write("api.yaml", Api);
        dir.Write("web.yml", Web);
        var result = CliRunner.RunInWithStdin(dir.Path, Policy, "list", "-f", "api.yaml", "--filename", "web.yml", "-f", "-");
        Assert.Equal(0, result.Exit);
        Assert.Equal(Expected, result.Stdout);
        var mixed = CliRunner.RunInWithStdin(dir.Path, Policy, "list", "api.yaml", "-f", "web.yml", "-");
        Assert.Equal(Expected, mixed.Stdout);
    }

    [Fact]
    public void Directories_are_read_recursively_and_only_yaml_yml_json_files_count()
    {
        using var dir = new TempDirectory();
        dir.Write("manifests/api.yaml", Api);
        dir.Write("manifests/apps/web.yml", Web);
        dir.Write("manifests/apps/policies/api.json", """
            {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "api", "namespace": "shop"},
             "spec": {"podSelector": {}, "ingress": [{"from": [{"podSelector": {"matchLabels": {"app": "web"}}}]}]}}
            """);
        // Neither is read: each would be invalid input, or would add a pod.
        dir.Write("manifests/README.md", "# Manifests\n\nkind: [not yaml\n");
        dir.Write("manifests/apps/notes.txt", "apiVersion: v1\nkind: Pod\nmetadata: {name: stray, namespace: shop}\n");
        dir.Write("manifests/apps/web.yaml.bak", "apiVersion: v1\nkind: Pod\nmetadata: {name: stale, namespace: shop}\n");
        var result = CliRunner.RunIn(dir.Path, "list", "manifests");
        Assert.Equal(0, result.Exit);
        Assert.Equal(Expected, result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void A_file_named_explicitly_is_read_whatever_its_extension()
    {
        using var dir = new TempDirectory();
        dir.Write("all.txt", $"{Api}\n---\n{Web}\n---\n{Policy}\n");
        var result = CliRunner.RunIn(dir.Path, "list", "all.txt");
        Assert.Equal(0, result.Exit);
        Assert.Equal(Expected, result.Stdout);
    }

    [Fact]
    public void Errors_name_files_as_the_user_gave_them()
    {
        using var dir = new TempDirectory();
        dir.Write("manifests/apps/web.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec: {containers: [{name: c, ports: [{containerPort: 0}]}]}\n");
        var result = CliRunner.RunIn(dir.Path, "list", "./manifests");
        InvalidInput.AssertRejected(result, "./manifests/apps/web.yaml:4", "Pod shop/web", "containerPort: 0 is not a port number");
    }
}
