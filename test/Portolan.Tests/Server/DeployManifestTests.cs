using System.Diagnostics;
using Portolan.Kubernetes.Guardrails;
using Portolan.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Portolan.Tests.Server;

/// <summary>deploy/ is well-formed and says what the webhook needs: 2+ replicas, probes, the four kinds, RBAC to list and watch what it reads.</summary>
public sealed class DeployManifestTests
{
    private static readonly string Deploy = Path.Combine(Paths.RepoRoot, "deploy");

    private static List<YamlMappingNode> Objects() =>
    [
        .. Directory.EnumerateFiles(Deploy, "*.yaml").Where(f => Path.GetFileName(f) != "kustomization.yaml").Order(StringComparer.Ordinal).SelectMany(file =>
        {
            var stream = new YamlStream();
            using var reader = new StreamReader(file);
            stream.Load(reader);
            return stream.Documents.Select(d => (YamlMappingNode)d.RootNode);
        }),
    ];

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (n, key) => int.TryParse(key, out var i) ? ((YamlSequenceNode)n)[i] : ((YamlMappingNode)n)[key]);

    private static string Text(YamlNode node, params string[] path) => ((YamlScalarNode)At(node, path)).Value!;

    private static YamlMappingNode Kind(string kind) => Assert.Single(Objects(), o => Text(o, "kind") == kind);

    [Fact]
    public void The_deployment_runs_two_replicas_of_serve_on_every_address_with_probes()
    {
        var deployment = Kind("Deployment");
        Assert.True(int.Parse(Text(deployment, "spec", "replicas"), System.Globalization.CultureInfo.InvariantCulture) >= 2);
        var container = At(deployment, "spec", "template", "spec", "containers", "0");
        var args = ((YamlSequenceNode)At(container, "args")).Select(a => ((YamlScalarNode)a).Value).ToList();
        Assert.Equal("serve", args[0]);
        Assert.Contains("--listen=0.0.0.0:8443", args);
        Assert.Equal("/readyz", Text(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal("/healthz", Text(container, "livenessProbe", "httpGet", "path"));
        Assert.Equal("portolan", Text(deployment, "spec", "template", "spec", "serviceAccountName"));
    }

    [Fact]
    public void The_webhook_configuration_covers_the_four_kinds_without_side_effects()
    {
        var webhook = At(Kind("ValidatingWebhookConfiguration"), "webhooks", "0");
        Assert.Equal("None", Text(webhook, "sideEffects"));
        Assert.InRange(int.Parse(Text(webhook, "timeoutSeconds"), System.Globalization.CultureInfo.InvariantCulture), 1, 10);
        Assert.Equal("v1", Text(webhook, "admissionReviewVersions", "0"));
        Assert.Equal("/validate", Text(webhook, "clientConfig", "service", "path"));
        var resources = ((YamlSequenceNode)At(webhook, "rules")).SelectMany(r => (YamlSequenceNode)At(r, "resources")).Select(r => ((YamlScalarNode)r).Value).Order(StringComparer.Ordinal);
        Assert.Equal(["adminnetworkpolicies", "baselineadminnetworkpolicies", "clusternetworkpolicies", "networkpolicies"], resources);
        foreach (var rule in (YamlSequenceNode)At(webhook, "rules"))
            Assert.Equal(["CREATE", "UPDATE", "DELETE"], ((YamlSequenceNode)At(rule, "operations")).Select(o => ((YamlScalarNode)o).Value));
    }

    [Fact]
    public void The_cluster_role_lists_and_watches_every_resource_the_watch_reads_and_writes_nothing()
    {
        var role = Kind("ClusterRole");
        var granted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in (YamlSequenceNode)At(role, "rules"))
        {
            var verbs = ((YamlSequenceNode)At(rule, "verbs")).Select(v => ((YamlScalarNode)v).Value).ToList();
            Assert.Equal(["get", "list", "watch"], verbs);
            foreach (var resource in (YamlSequenceNode)At(rule, "resources")) granted.Add(((YamlScalarNode)resource).Value!);
        }
        foreach (var resource in Portolan.Kubernetes.Live.ApiResource.All) Assert.Contains(resource.Plural, granted);
    }

    [Fact]
    public void The_guardrails_shipped_in_the_config_map_parse()
    {
        var data = Text(Kind("ConfigMap"), "data", "guardrails.yaml");
        var set = GuardrailParser.Parse(new StringReader(data), "deploy/deployment.yaml");
        Assert.NotEmpty(set.Statements);
    }

    [KubectlFact]
    public void Kubectl_kustomize_builds_the_directory()
    {
        var start = new ProcessStartInfo(KubectlFactAttribute.Path!, ["kustomize", Deploy]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        Assert.Equal(Objects().Count, output.Split('\n').Count(l => l.StartsWith("kind: ", StringComparison.Ordinal)));
    }
}

/// <summary>A fact that needs kubectl on PATH; skipped, with the reason, where it is absent.</summary>
public sealed class KubectlFactAttribute : FactAttribute
{
    public static readonly string? Path = Environment.GetEnvironmentVariable("PATH")?.Split(System.IO.Path.PathSeparator)
        .Select(d => System.IO.Path.Combine(d, "kubectl")).FirstOrDefault(File.Exists);

    public KubectlFactAttribute()
    {
        if (Path is null) Skip = "kubectl is not installed (needed for kubectl kustomize deploy/)";
    }
}
