using Portolan.Cli.Git;

namespace Portolan.Tests.Diff;

/// <summary>A fact that needs the git CLI; skipped, with the reason, on a machine without it.</summary>
public sealed class GitFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Available = new(() =>
    {
        try
        {
            return GitProcess.Run(Path.GetTempPath(), ["--version"]).Exit == 0;
        }
        catch (GitException)
        {
            return false;
        }
    });

    public GitFactAttribute()
    {
        if (!Available.Value) Skip = "git is not installed (needed to build a repository for diff --base); .ci/run installs it";
    }
}
