using Portolan.Tests.Support;

namespace Portolan.Tests.Fuzz;

/// <summary>
/// The inputs mutations start from: every *.yaml, *.yml and *.json of the np-guard corpus (read in
/// place, never copied) and of examples/shop, in ordinal order so a seed picks the same file on every machine.
/// </summary>
public static class SeedInputs
{
    public sealed record Input(string Name, byte[] Bytes);

    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    public static IReadOnlyList<Input> All { get; } = Load();

    private static List<Input> Load()
    {
        var roots = new[] { (Paths.Conformance, Path.Combine(Paths.Conformance, "tests")), (Paths.RepoRoot, Path.Combine(Paths.Examples, "shop")) };
        var inputs = new List<Input>();
        foreach (var (relativeTo, directory) in roots)
        {
            inputs.AddRange(Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Select(f => Path.GetRelativePath(relativeTo, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .Select(name => new Input(name, File.ReadAllBytes(Path.Combine(relativeTo, name)))));
        }
        return inputs;
    }
}
