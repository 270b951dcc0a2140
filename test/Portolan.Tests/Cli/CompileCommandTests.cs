using System.Text.Json;
using Portolan.Tests.Support;

namespace Portolan.Tests.Cli;

/// <summary>portolan compile: exit codes, messages naming file and line, nothing on stdout on error.</summary>
public sealed class CompileCommandTests
{
    private const string Pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\nspec: {containers: [{name: c}]}\nstatus: {podIP: 10.0.0.1}\n";

    [Theory]
    [InlineData("shop/web: 10.0.0.7\nshop/gone: 10.0.0.8\n", "portolan: error: ips.txt:2: shop/gone is not a pod or workload of the input\n")]
    [InlineData("shop/api: 10.0.0.1\n", "portolan: error: ips.txt:1: 10.0.0.1 is the address of both shop/web and shop/api\n")]
    [InlineData("shop/web 10.0.0.7\n", "portolan: error: ips.txt:1: \"shop/web 10.0.0.7\" is not \"namespace/pod: ip[,ip]\"\n")]
    public void Pod_addresses_that_cannot_be_used_are_invalid_input_naming_the_line(string ips, string message)
    {
        var result = CompileWith(ips);
        Assert.Equal(3, result.Exit);
        Assert.Equal("", result.Stdout);
        Assert.EndsWith(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_pod_ips_file_is_a_usage_error()
    {
        var result = CompileWith(null, "--pod-ips", "nope.txt");
        Assert.Equal(2, result.Exit);
        Assert.Equal("", result.Stdout);
        Assert.Equal("portolan: error: --pod-ips: nope.txt: no such file\n", result.Stderr);
    }

    // Two pods, web (10.0.0.1) and api (10.0.0.2), and the given --pod-ips file.
    private static CliRunner.Result CompileWith(string? ips, params string[] extra)
    {
        using var dir = new TempDirectory();
        dir.Write("pods.yaml", Pod + "---\n" + Pod.Replace("name: web,", "name: api,", StringComparison.Ordinal).Replace("10.0.0.1", "10.0.0.2", StringComparison.Ordinal));
        string[] args = ["compile", "--target", "nftables", "pods.yaml", .. extra];
        if (ips is not null)
        {
            dir.Write("ips.txt", ips);
            args = [.. args, "--pod-ips", "ips.txt"];
        }
        return CliRunner.RunIn(dir.Path, args);
    }

    [Theory]
    [InlineData("--target", "iptables")]
    [InlineData("-o", "yaml")]
    public void Unknown_targets_and_formats_are_usage_errors(string option, string value)
    {
        using var dir = new TempDirectory();
        dir.Write("pods.yaml", Pod);
        string[] args = option == "--target" ? ["compile", "pods.yaml", option, value] : ["compile", "--target", "nftables", "pods.yaml", option, value];
        var result = CliRunner.RunIn(dir.Path, args);
        Assert.Equal(2, result.Exit);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void The_target_is_required()
    {
        using var dir = new TempDirectory();
        dir.Write("pods.yaml", Pod);
        Assert.Equal(2, CliRunner.RunIn(dir.Path, "compile", "pods.yaml").Exit);
    }

    [Fact]
    public void Json_is_one_libnftables_document_that_replaces_the_table()
    {
        using var dir = new TempDirectory();
        dir.Write("pods.yaml", Pod);
        var result = CliRunner.RunIn(dir.Path, "compile", "--target", "nftables", "pods.yaml", "-o", "json");
        Assert.Equal(0, result.Exit);
        using var json = JsonDocument.Parse(result.Stdout);
        var commands = json.RootElement.GetProperty("nftables").EnumerateArray().ToList();
        Assert.Equal(1, commands[0].GetProperty("metainfo").GetProperty("json_schema_version").GetInt32());
        Assert.Equal(["add", "delete", "add"], commands.Skip(1).Take(3).Select(c => c.EnumerateObject().Single().Name));
        Assert.All(commands.Skip(1).Take(3), c => Assert.Equal("portolan", c.EnumerateObject().Single().Value.GetProperty("table").GetProperty("name").GetString()));
    }

    [Fact]
    public void Invalid_manifests_are_invalid_input()
    {
        using var dir = new TempDirectory();
        dir.Write("pods.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nstatus: {podIP: nope}\n");
        var result = CliRunner.RunIn(dir.Path, "compile", "--target", "nftables", "pods.yaml");
        Assert.Equal(3, result.Exit);
        Assert.Equal("", result.Stdout);
        Assert.Contains("pods.yaml:4", result.Stderr, StringComparison.Ordinal);
    }
}
