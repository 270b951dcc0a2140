using System.Text;
using Portolan.Core.Model;
using Portolan.Kubernetes;

namespace Portolan.Cli.Git;

/// <summary>
/// Loads the manifests under some paths of a repository, at a commit or in the working tree, each
/// file named by its path from the repository root (so messages and SARIF locations are repository paths).
/// </summary>
public static class GitManifests
{
    /// <param name="commit">A resolved commit, or null for the working tree.</param>
    /// <param name="empty">Receives each path under which no manifest file was found.</param>
    public static Cluster Load(GitRepository repository, string? commit, IReadOnlyList<string> paths,
        TextReader stdin, Action<string> note, ICollection<string> empty)
    {
        var loader = new ManifestLoader(stdin, note);
        foreach (var path in paths)
        {
            if (commit is null)
            {
                var files = repository.ListWorkingFiles(path);
                if (files.Count == 0) empty.Add(path);
                foreach (var file in files)
                {
                    using var reader = new StreamReader(Path.Combine(repository.Root, file), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                    loader.LoadText(reader, file);
                }
                continue;
            }
            var blobs = repository.ListFiles(commit, path);
            if (blobs.Count == 0) empty.Add(path);
            var contents = repository.ReadBlobs([.. blobs.Select(b => b.Object)]);
            for (int i = 0; i < blobs.Count; i++)
            {
                using var reader = new StreamReader(new MemoryStream(contents[i]), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                loader.LoadText(reader, blobs[i].Path);
            }
        }
        // Every file is already read; loading no further paths builds and validates the cluster.
        return loader.Load([]);
    }
}
