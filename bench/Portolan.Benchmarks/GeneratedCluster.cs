using Portolan.Core.Model;
using Portolan.Kubernetes;
using Portolan.Kubernetes.Generation;

namespace Portolan.Benchmarks;

/// <summary>A generated cluster (issue 4's shape: 100 pods and 10 policies per namespace), loaded once.</summary>
public static class GeneratedCluster
{
    public static Cluster Load(int pods)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"portolan-bench-{pods}");
        if (!Directory.Exists(directory))
            new ClusterGenerator(new GeneratorOptions(Math.Max(1, pods / 100), Math.Min(pods, 100), 10, Seed: 1)).WriteTo(directory);
        return new ManifestLoader(TextReader.Null, _ => { }).Load([directory]);
    }
}
