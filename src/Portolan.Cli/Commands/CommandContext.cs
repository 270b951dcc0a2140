using Portolan.Core.Model;
using Portolan.Kubernetes;

namespace Portolan.Cli.Commands;

/// <summary>The injected streams a handler reads and writes; nothing below the composition root touches Console.</summary>
public sealed record CommandContext(TextReader Stdin, TextWriter Stdout, TextWriter Stderr, bool StderrIsTerminal = false)
{
    /// <summary>The process environment, injected ($KUBECONFIG, $HOME); nothing else reads it.</summary>
    public Func<string, string?> Environment { get; init; } = _ => null;

    // Messages from below may carry their own "warning:" or "note:" prefix; never print it twice.
    public void Note(string message) => Stderr.WriteLine(
        message.StartsWith("warning:", StringComparison.Ordinal) || message.StartsWith("note:", StringComparison.Ordinal) ? message : $"note: {message}");

    public void Warn(string message) => Stderr.WriteLine($"warning: {message}");

    public void Error(string message) => Stderr.WriteLine($"portolan: error: {message}");

    /// <summary>
    /// Loads the inputs, or reports why not and returns the exit code to use. Paths are read when
    /// given; with none, the live cluster when <paramref name="paths"/> is an <see cref="InputSelection"/>
    /// naming one, or $KUBECONFIG is set (<see cref="LiveInput"/>).
    /// </summary>
    public (Cluster? Cluster, int Exit) Load(IReadOnlyList<string> paths)
    {
        var selection = paths as InputSelection;
        if (paths.Count > 0 && selection is { NamesCluster: true })
        {
            Error("give manifest PATHs or a cluster (--kubeconfig, --context, -n, -A), not both");
            return (null, ExitCodes.Usage);
        }
        if (paths.Count == 0 && (selection is { NamesCluster: true } || !string.IsNullOrEmpty(Environment("KUBECONFIG"))))
            return LiveInput.Load(this, selection);
        if (paths.Count == 0)
        {
            Error("no input: give manifest files or directories as PATH or -f (or - for stdin), or read a cluster with --kubeconfig FILE (or $KUBECONFIG)");
            return (null, ExitCodes.Usage);
        }
        try
        {
            var progress = StderrIsTerminal ? new LoadProgress(Stderr) : null;
            var cluster = new ManifestLoader(Stdin, Note) { Progress = progress is null ? null : progress.Report }.Load(paths);
            progress?.Finish();
            return (cluster, ExitCodes.Ok);
        }
        catch (FileNotFoundException e)
        {
            Error(e.Message);
            return (null, ExitCodes.Usage);
        }
        catch (ManifestException e)
        {
            Error(e.Message);
            return (null, ExitCodes.InvalidInput);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Error(e.Message);
            return (null, ExitCodes.InvalidInput);
        }
    }
}
