using Portolan.Core.Model;
using Portolan.Kubernetes;

namespace Portolan.Tests.Diff;

/// <summary>Clusters for engine-level tests: from YAML text, or from files and directories.</summary>
internal static class Manifests
{
    public static Cluster FromYaml(string yaml)
    {
        var loader = new ManifestLoader(TextReader.Null, _ => { });
        loader.LoadText(new StringReader(yaml), "test.yaml");
        return loader.Load([]);
    }

    public static Cluster FromPath(string path) => new ManifestLoader(TextReader.Null, _ => { }).Load([path]);
}
