using Portolan.Tests.Support;

namespace Portolan.Tests.Web;

/// <summary>
/// A namespace, pods, a policy and a file whose names hold &lt;, &amp;, quotes, a closing script tag and a
/// comment opener: Kubernetes bounds names' length only as far as Portolan reads them, so the page must escape them.
/// </summary>
public static class HostileNames
{
    public const string Namespace = "a&b\"c'<d>";
    public const string ScriptPod = "</script><script>alert(1)</script>";
    public const string CommentPod = "<!--x";
    public const string Policy = "deny<all>&\"'";
    public const string File = "we<ird>&\"q'.yaml";

    public static string Manifest => """
        apiVersion: v1
        kind: Pod
        metadata:
          name: "</script><script>alert(1)</script>"
          namespace: "a&b\"c'<d>"
          labels: {app: "x"}
        spec:
          containers: [{name: c, image: i, ports: [{containerPort: 80}]}]
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: "<!--x"
          namespace: "a&b\"c'<d>"
          labels: {app: "y"}
        spec:
          containers: [{name: c, image: i}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: "deny<all>&\"'"
          namespace: "a&b\"c'<d>"
        spec:
          podSelector: {matchLabels: {app: "x"}}
          policyTypes: [Ingress]
        """;

    public static Page Page()
    {
        using var directory = new TempDirectory();
        directory.Write(File, Manifest);
        var result = CliRunner.RunIn(directory.Path, "list", File, "-o", "html");
        Assert.Equal(0, result.Exit);
        return new Page(result.Stdout);
    }
}
