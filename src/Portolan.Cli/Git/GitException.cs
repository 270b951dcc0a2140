namespace Portolan.Cli.Git;

/// <summary>Git cannot answer: not installed (exit 4), or not a repository or a bad revision (exit 2).</summary>
public sealed class GitException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
