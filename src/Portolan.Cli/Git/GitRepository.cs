using System.Globalization;
using System.Text;

namespace Portolan.Cli.Git;

/// <summary>
/// The repository a command runs in, read through the git CLI from its root: revisions resolved to
/// commits, manifest files listed with <c>ls-tree</c> and read in one <c>cat-file --batch</c>.
/// Paths are relative to the repository root with '/' separators.
/// </summary>
public sealed class GitRepository
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    private GitRepository(string root, string prefix)
    {
        Root = root;
        Prefix = prefix;
    }

    public string Root { get; }

    /// <summary>The working directory relative to <see cref="Root"/> ("" at the root).</summary>
    public string Prefix { get; }

    public static GitRepository Open(string workingDirectory)
    {
        var top = GitProcess.Run(workingDirectory, ["rev-parse", "--show-toplevel", "--show-prefix"]);
        if (top.Exit != 0)
        {
            throw new GitException($"--base needs a Git repository, and {workingDirectory} is not in one ({top.Stderr})", ExitCodes.Usage);
        }
        var lines = top.Text.Split('\n');
        return new GitRepository(lines[0], lines.Length > 1 ? lines[1].TrimEnd('/') : "");
    }

    /// <summary>The commit a revision names, or a usage error.</summary>
    public string ResolveCommit(string revision)
    {
        if (revision.Length == 0 || revision.StartsWith('-'))
        {
            throw new GitException($"\"{revision}\" is not a revision", ExitCodes.Usage);
        }
        var result = GitProcess.Run(Root, ["rev-parse", "--verify", "--quiet", $"{revision}^{{commit}}"]);
        if (result.Exit != 0) throw new GitException($"unknown revision \"{revision}\": no commit by that name in {Root}", ExitCodes.Usage);
        return result.Text.Trim();
    }

    /// <summary>A user's path (relative to the working directory, or absolute) as a path from the root.</summary>
    public string FromRoot(string path)
    {
        var full = Path.GetFullPath(Path.Combine(Root, Prefix, path));
        var relative = Path.GetRelativePath(Root, full).Replace('\\', '/');
        if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal))
        {
            throw new GitException($"{path} is outside the repository at {Root}", ExitCodes.Usage);
        }
        return relative;
    }

    /// <summary>
    /// The manifest blobs under a root-relative path at a commit: the file itself, or a directory's
    /// *.yaml, *.yml and *.json files in ordinal order (as <c>ManifestSource</c> reads a directory).
    /// </summary>
    public IReadOnlyList<(string Path, string Object)> ListFiles(string commit, string path)
    {
        var result = GitProcess.Run(Root, ["ls-tree", "-r", "-z", commit, "--", path]);
        if (result.Exit != 0) throw new GitException($"cannot list {path} at {commit}: {result.Stderr}", ExitCodes.Usage);
        var files = new List<(string, string)>();
        foreach (var record in result.Text.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // "<mode> <type> <object>\t<path>"; symbolic links (120000) and submodules are not manifests.
            var tab = record.IndexOf('\t', StringComparison.Ordinal);
            var fields = record[..tab].Split(' ');
            var name = record[(tab + 1)..];
            if (fields[1] != "blob" || fields[0] == "120000") continue;
            if (name != path && !Extensions.Contains(System.IO.Path.GetExtension(name), StringComparer.OrdinalIgnoreCase)) continue;
            files.Add((name, fields[2]));
        }
        files.Sort((x, y) => string.CompareOrdinal(x.Item1, y.Item1));
        return files;
    }

    /// <summary>
    /// The manifest files under a root-relative path in the working tree, as Git sees it: tracked or
    /// untracked, but not ignored (build output is no input), and present on disk.
    /// </summary>
    public IReadOnlyList<string> ListWorkingFiles(string path)
    {
        var result = GitProcess.Run(Root, ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", path]);
        if (result.Exit != 0) throw new GitException($"cannot list {path} in the working tree: {result.Stderr}", ExitCodes.Usage);
        return [.. result.Text.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(name => name == path || Extensions.Contains(System.IO.Path.GetExtension(name), StringComparer.OrdinalIgnoreCase))
            .Where(name => File.Exists(System.IO.Path.Combine(Root, name)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The contents of blobs, in the order asked.</summary>
    public IReadOnlyList<byte[]> ReadBlobs(IReadOnlyList<string> objects)
    {
        if (objects.Count == 0) return [];
        var request = Encoding.ASCII.GetBytes(string.Concat(objects.Select(o => o + "\n")));
        var result = GitProcess.Run(Root, ["cat-file", "--batch"], request);
        if (result.Exit != 0) throw new GitException($"cannot read objects: {result.Stderr}", ExitCodes.Usage);
        var blobs = new List<byte[]>(objects.Count);
        var data = result.Stdout;
        var at = 0;
        foreach (var id in objects)
        {
            // "<object> <type> <size>\n<contents>\n", or "<object> missing\n".
            var newline = Array.IndexOf(data, (byte)'\n', at);
            var header = Encoding.ASCII.GetString(data, at, newline - at).Split(' ');
            if (header.Length != 3) throw new GitException($"cannot read object {id}: {string.Join(' ', header)}", ExitCodes.Usage);
            var size = int.Parse(header[2], CultureInfo.InvariantCulture);
            blobs.Add(data.AsSpan(newline + 1, size).ToArray());
            at = newline + 1 + size + 1;
        }
        return blobs;
    }
}
