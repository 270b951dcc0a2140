using Portolan.Kubernetes;

namespace Portolan.Server.State;

/// <summary>The state from manifest files and directories, loaded once (as `portolan list` reads them).</summary>
public sealed class DirectoryStateSource(IReadOnlyList<string> paths, Action<string> note) : IStateSource
{
    public string Description => string.Join(" ", paths);

    public Task RunAsync(PolicyState state, CancellationToken cancellation) => Task.Run(() =>
    {
        var cluster = new ManifestLoader(TextReader.Null, note).Load(paths);
        cancellation.ThrowIfCancellationRequested();
        state.Replace(cluster);
    }, cancellation);
}
