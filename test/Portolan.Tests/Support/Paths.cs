namespace Portolan.Tests.Support;

/// <summary>Where the repository, its examples and the shared conformance corpus are.</summary>
public static class Paths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Examples => Path.Combine(RepoRoot, "examples");

    public static string Golden => Path.Combine(RepoRoot, "test", "golden");

    /// <summary>The corpus is read in place at ../shared/conformance (never copied into the repository).</summary>
    public static string Conformance => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "conformance", "np-guard"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Portolan.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("cannot find the repository root (Portolan.sln) above " + AppContext.BaseDirectory);
    }
}
