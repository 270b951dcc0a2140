using Portolan.Tests.Support;

namespace Portolan.Tests.Convert;

/// <summary>Documents that are not ANP or BANP come out as their original text, byte for byte.</summary>
public sealed class PassThroughTests
{
    // Comments, flow style, quoting, odd indentation, a block scalar, a NetworkPolicy and a CNP.
    private static readonly string[] Documents =
    [
        "# leading comment\napiVersion: v1\nkind: Namespace\nmetadata: {name: a, labels: {\"x\": 'y'}}   # trailing\n",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n    name: cm\n    namespace: a\ndata:\n    script: |\n        echo hi   \n\n        done\n# a comment at the end\n",
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np, namespace: a}\nspec:\n  podSelector: {}\n  policyTypes: [\"Ingress\"]\n",
        "apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata:\n  name: cnp\nspec:\n  tier: Baseline\n  priority: 0\n  subject: {namespaces: {}}\n",
        "{\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": \"json\"}}\n",
    ];

    private const string Anp = "apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: anp}\n"
        + "spec: {priority: 1, subject: {namespaces: {}}, ingress: [{action: Allow, from: [{namespaces: {}}]}]}\n";

    [Fact]
    public void A_stream_without_admin_policies_comes_out_unchanged()
    {
        var input = string.Join("---\n", Documents);

        var result = CliRunner.RunWithStdin(input, "convert", "--to", "v1alpha2", "-");

        Assert.Equal(0, result.Exit);
        Assert.Equal(input, result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Documents_around_a_converted_one_keep_their_bytes_and_order()
    {
        var input = string.Join("---\n", Documents[..2]) + "---\n" + Anp + "--- # marker comment\n" + string.Join("---\n", Documents[2..]);

        var output = CliRunner.RunWithStdin(input, "convert", "--to", "v1alpha2", "-").Stdout;
        var parts = output.Split("---\n");

        Assert.Equal(6, parts.Length);
        Assert.Equal(Documents[0], parts[0]);
        Assert.Equal(Documents[1], parts[1]);
        Assert.StartsWith("apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata:\n  name: anp\n", parts[2], StringComparison.Ordinal);
        Assert.Equal(" # marker comment\n" + Documents[2], parts[3]);
        Assert.Equal(Documents[3], parts[4]);
        Assert.Equal(Documents[4], parts[5]);
    }

    [Fact]
    public void Crlf_documents_keep_their_line_ends_and_empty_documents_are_dropped()
    {
        const string first = "apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  name: a\r\n";
        const string second = "apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  name: b\r\n";
        var input = "---\r\n" + first + "---\r\n---\r\n# only a comment\r\n---\r\n" + second + "...\r\n";

        var result = CliRunner.RunWithStdin(input, "convert", "--to", "v1alpha2", "-");

        Assert.Equal(0, result.Exit);
        Assert.Equal(first + "---\n" + second, result.Stdout);
    }

    [Fact]
    public void Documents_of_several_files_follow_the_input_order()
    {
        var directory = Directory.CreateTempSubdirectory("portolan-convert-");
        try
        {
            var manifests = directory.CreateSubdirectory("manifests").FullName;
            File.WriteAllText(Path.Combine(manifests, "b.yaml"), Documents[2]);
            File.WriteAllText(Path.Combine(manifests, "a.yaml"), Documents[0] + "---\n" + Anp);
            var single = Path.Combine(directory.FullName, "c.json");
            File.WriteAllText(single, Documents[4].TrimEnd('\n'));

            var result = CliRunner.Run("convert", "--to", "v1alpha2", single, "-f", manifests);
            var parts = result.Stdout.Split("---\n");

            Assert.Equal(0, result.Exit);
            Assert.Equal(4, parts.Length);
            Assert.Equal([Documents[4], Documents[0]], parts[..2]);
            Assert.Contains("kind: ClusterNetworkPolicy\n", parts[2], StringComparison.Ordinal);
            Assert.Equal(Documents[2], parts[3]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
