using Portolan.Core.Model;
using Portolan.Kubernetes;
using Portolan.Nftables.Lab;

namespace Portolan.Tests.Kernel;

/// <summary>Helpers for kernel tests: load manifests from text, run a lab and always tear it down.</summary>
public static class LabFixture
{
    public static Cluster Load(string yaml)
    {
        var directory = Directory.CreateTempSubdirectory("portolan-lab-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "input.yaml"), yaml);
            return new ManifestLoader(TextReader.Null, _ => { }).Load([directory.FullName]);
        }
        finally
        {
            directory.Delete(true);
        }
    }

    public static Cluster LoadPath(string path) => new ManifestLoader(TextReader.Null, _ => { }).Load([path]);

    /// <summary>Runs one round per cluster in one lab and returns every round's result; the lab is gone afterwards.</summary>
    public static List<LabResult> Run(LabCompiler compile, LabOptions options, params Cluster[] rounds)
    {
        using var session = new LabSession(options, compile);
        var results = new List<LabResult>();
        try
        {
            foreach (var cluster in rounds) results.Add(session.Run(cluster, CancellationToken.None));
        }
        finally
        {
            session.Teardown();
            Assert.Empty(session.Namespaces);
            Assert.DoesNotContain(LabNamespaces(), n => n.StartsWith(session.Prefix, StringComparison.Ordinal));
        }
        return results;
    }

    /// <summary>Names under /run/netns, as `ip netns list` shows them.</summary>
    public static IReadOnlyList<string> LabNamespaces() =>
        Directory.Exists("/run/netns") ? [.. Directory.GetFiles("/run/netns").Select(Path.GetFileName).OfType<string>()] : [];

    public static string Describe(LabResult result) => string.Join("\n", result.Disagreements.Take(20).Select(d =>
        $"{d.Probe}: analysis {(d.AnalysisAllowed ? "allowed" : "denied")}, kernel {d.Kernel}")) + "\n" + string.Join("\n", result.Notes);
}
