namespace Portolan.Tests.Conformance;

/// <summary>One row of the corpus' cases.tsv: kind, name, inputs (relative to the corpus), expected.</summary>
public sealed record CorpusCase(string Kind, string Name, string[] Inputs, string Expected)
{
    public static IReadOnlyList<CorpusCase> All { get; } = Load();

    public bool HasAdminPolicies => Inputs.Any(input =>
        Directory.EnumerateFiles(Path.Combine(Support.Paths.Conformance, input), "*", SearchOption.AllDirectories)
            .Any(f => File.ReadAllText(f).Contains("AdminNetworkPolicy", StringComparison.Ordinal)));

    public static TheoryData<string> Names(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var c in All.Where(c => c.Kind == kind)) data.Add(c.Name);
        return data;
    }

    public static CorpusCase Named(string kind, string name) => All.Single(c => c.Kind == kind && c.Name == name);

    private static List<CorpusCase> Load()
    {
        var file = Path.Combine(Support.Paths.Conformance, "cases.tsv");
        return [.. File.ReadAllLines(file).Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            var cols = line.Split('\t');
            return new CorpusCase(cols[0], cols[1], cols[2].Split(' '), cols[3]);
        })];
    }
}
