namespace Portolan.Tests.Support;

/// <summary>
/// Golden files under test/golden/&lt;scenario&gt;/. Set PORTOLAN_UPDATE_GOLDEN=1 to rewrite them from
/// the current output (then review the diff before committing).
/// </summary>
public static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("PORTOLAN_UPDATE_GOLDEN") == "1";

    public static void Verify(string scenario, string file, string actual)
    {
        var path = Path.Combine(Paths.Golden, scenario, file);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"golden file {path} is missing; run with PORTOLAN_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }
}
