namespace Portolan.Kubernetes;

/// <summary>
/// Expands the user's paths into readable inputs: files as given, directories recursively
/// (only *.yaml, *.yml, *.json, in ordinal order), and "-" for standard input.
/// </summary>
public static class ManifestSource
{
    public const string Stdin = "-";

    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    public static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (path == Stdin || File.Exists(path))
            {
                yield return path;
                continue;
            }
            if (!Directory.Exists(path)) throw new FileNotFoundException($"{path}: no such file or directory", path);
            var files = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
                .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .OrderBy(f => f, StringComparer.Ordinal);
            foreach (var file in files) yield return file;
        }
    }
}
