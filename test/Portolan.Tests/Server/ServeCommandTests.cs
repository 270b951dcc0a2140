using Portolan.Tests.Support;

namespace Portolan.Tests.Server;

/// <summary>`portolan serve` refuses to start, with a message and exit code, on what it cannot use.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public void Without_a_certificate_it_exits_3_and_says_https_is_required()
    {
        var result = CliRunner.Run("serve", Paths.Examples + "/shop");
        Assert.Equal(3, result.Exit);
        Assert.Equal("", result.Stdout);
        Assert.Equal("portolan: error: --tls-cert and --tls-key are required: the API server calls webhooks over HTTPS only (docs/serve.md shows how to make a certificate)\n", result.Stderr);
    }

    [Fact]
    public void An_unreadable_certificate_file_exits_3_naming_it()
    {
        using var directory = new TempDirectory();
        var missing = Path.Combine(directory.Path, "missing.crt");
        var result = CliRunner.Run("serve", Paths.Examples + "/shop", "--tls-cert", missing, "--tls-key", missing, "--listen", "127.0.0.1:0");
        Assert.Equal(3, result.Exit);
        Assert.Equal($"portolan: error: --tls-cert {missing}: cannot read the file (no such file)\n", result.Stderr);
    }

    [Fact]
    public void A_file_that_is_not_pem_exits_3_saying_what_was_expected()
    {
        using var directory = new TempDirectory();
        directory.Write("tls.crt", "not a certificate\n");
        directory.Write("tls.key", "not a key\n");
        var result = CliRunner.Run("serve", Paths.Examples + "/shop", "--tls-cert", Path.Combine(directory.Path, "tls.crt"),
            "--tls-key", Path.Combine(directory.Path, "tls.key"), "--listen", "127.0.0.1:0");
        Assert.Equal(3, result.Exit);
        Assert.Contains("not a usable PEM certificate and private key", result.Stderr);
        Assert.Contains("expected -----BEGIN CERTIFICATE----- in --tls-cert", result.Stderr);
    }

    [Fact]
    public void A_key_of_another_certificate_exits_3()
    {
        using var one = new TempDirectory();
        using var two = new TempDirectory();
        var a = new TestCertificate(one.Path);
        var b = new TestCertificate(two.Path);
        var result = CliRunner.Run("serve", Paths.Examples + "/shop", "--tls-cert", a.CertificatePath, "--tls-key", b.KeyPath, "--listen", "127.0.0.1:0");
        Assert.Equal(3, result.Exit);
        Assert.StartsWith($"portolan: error: {a.CertificatePath} / {b.KeyPath}: ", result.Stderr);
    }

    [Fact]
    public void Invalid_manifests_stop_the_server_with_exit_3_and_the_loader_message()
    {
        using var directory = new TempDirectory();
        var certificate = new TestCertificate(directory.Path);
        directory.Write("state/bad.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {namespace: x}\n");
        var result = CliRunner.Run("serve", Path.Combine(directory.Path, "state"), "--tls-cert", certificate.CertificatePath,
            "--tls-key", certificate.KeyPath, "--listen", "127.0.0.1:0");
        Assert.Equal(3, result.Exit);
        Assert.Equal("", result.Stdout);
        Assert.Contains("bad.yaml:3: Pod: metadata.name: is required", result.Stderr);
    }

    [Theory]
    [InlineData("8443")]
    [InlineData("localhost:8443")]
    [InlineData("127.0.0.1:99999")]
    public void A_listen_address_that_is_not_address_colon_port_is_a_usage_error(string listen)
    {
        var result = CliRunner.Run("serve", Paths.Examples + "/shop", "--listen", listen, "--tls-cert", "x", "--tls-key", "y");
        Assert.Equal(2, result.Exit);
        Assert.Equal($"portolan: error: --listen {listen}: expected ADDRESS:PORT, e.g. 127.0.0.1:8443, 0.0.0.0:8443 or [::]:8443\n", result.Stderr);
    }

    [Fact]
    public void An_unknown_failure_policy_is_a_usage_error()
    {
        var result = CliRunner.Run("serve", Paths.Examples + "/shop", "--failure-policy", "ignore", "--tls-cert", "x", "--tls-key", "y");
        Assert.Equal(2, result.Exit);
        Assert.Contains("--failure-policy: 'ignore' is not one of open, closed", result.Stderr);
    }
}
