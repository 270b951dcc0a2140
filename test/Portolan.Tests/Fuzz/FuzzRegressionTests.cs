using System.Diagnostics;
using System.Globalization;
using System.Text;
using Portolan.Tests.Support;

namespace Portolan.Tests.Fuzz;

/// <summary>Minimised inputs from fuzzing (docs/fuzzing.md, "Findings"): each once crashed or stalled `list`.</summary>
public sealed class FuzzRegressionTests
{
    // Finding 1: YamlDotNet threw a bare InvalidOperationException (exit 70) for an unclosed flow sequence
    // followed by a less indented line (aaubry/YamlDotNet#541).
    [Theory]
    [InlineData("a: [x\nb: c\n", 2)]
    [InlineData("kind: [unclosed\nmetadata:\n  name: x\n", 2)]
    [InlineData("spec:\n  ports: {port: 80\n  x: y\n", 3)]
    public void An_unclosed_flow_collection_is_invalid_input(string yaml, int line)
    {
        var result = RunList(yaml, out var file);

        Assert.Equal(3, result.Exit);
        Assert.Null(Verdict.Problem(result.Exit, result.Stdout, result.Stderr, file));
        Assert.Contains($"{file}:{line}: invalid YAML: a flow collection", result.Stderr, StringComparison.Ordinal);
    }

    // Finding 2: YamlDotNet's scanner threw ArgumentOutOfRangeException (exit 70) from char.ConvertToUtf32 for a
    // \u escape naming half a surrogate pair followed by an escape that is not the other half.
    [Theory]
    [InlineData("a: \"\\uDFFF\\uD800\"\n")]
    [InlineData("a: \"\\uD800\\u0041\"\n")]
    [InlineData("kind: Pod\nmetadata:\n  name: \"x\\uDBFF\\uDBFF\"\n")]
    public void A_broken_surrogate_pair_escape_is_invalid_input(string yaml)
    {
        var result = RunList(yaml, out var file);

        Assert.Equal(3, result.Exit);
        Assert.Null(Verdict.Problem(result.Exit, result.Stdout, result.Stderr, file));
        Assert.Contains("invalid YAML: a \\u escape is half of a UTF-16 surrogate pair", result.Stderr, StringComparison.Ordinal);
    }

    // Wall time on a shared machine: the fixed reader needs about a second of CPU for these inputs, the quadratic
    // one well over a minute, so the limit separates them even under heavy load.
    private static readonly TimeSpan LinearTimeLimit = TimeSpan.FromSeconds(30);

    // Finding 3: a mapping with many keys took quadratic time (60,000 keys: 50 s), as every key was checked
    // for a duplicate by a linear scan. 100,000 keys took minutes; with the index, about a second.
    [Fact]
    public void A_mapping_with_100000_keys_is_read_in_linear_time()
    {
        var yaml = new StringBuilder("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: wide\n  annotations:\n");
        for (int i = 0; i < 100_000; i++) yaml.Append(CultureInfo.InvariantCulture, $"    k{i}: v\n");
        var watch = Stopwatch.StartNew();

        var result = RunList(yaml.ToString(), out var file);

        Assert.Equal(0, result.Exit);
        Assert.Null(Verdict.Problem(result.Exit, result.Stdout, result.Stderr, file));
        Assert.True(watch.Elapsed < LinearTimeLimit, $"took {watch.Elapsed.TotalSeconds:F1} s");
    }

    // Finding 3, through merge keys: each of 120 aliases merges the same 8,000 keys again (1,920,000 nodes, under
    // the expansion bound), and each merged key was looked up linearly: minutes before the index, now a second.
    [Fact]
    public void Merging_a_wide_mapping_many_times_is_read_in_linear_time()
    {
        var keys = string.Join(", ", Enumerable.Range(0, 8_000).Select(i => $"k{i}: v"));
        var aliases = string.Join(", ", Enumerable.Repeat("*m", 120));
        var yaml = $"x-defs: &m {{{keys}}}\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: merged\n  labels:\n    <<: [{aliases}]\n";
        var watch = Stopwatch.StartNew();

        var result = RunList(yaml, out var file);

        Assert.Equal(0, result.Exit);
        Assert.Null(Verdict.Problem(result.Exit, result.Stdout, result.Stderr, file));
        Assert.True(watch.Elapsed < LinearTimeLimit, $"took {watch.Elapsed.TotalSeconds:F1} s");
    }

    // Finding 4: a name is repeated on every line of output about its workload, so a 1.8 MB namespace in a PodList
    // (seed 2, case 130711) printed 80 MB and allocated 700 MB; a 2 MB ownerReferences kind did the same (case
    // 517810). Kubernetes bounds all of these; now so does the loader.
    [Theory]
    [InlineData("metadata: {name: p, namespace: NS}", "metadata.namespace", 64)]
    [InlineData("metadata: {name: NS}", "metadata.name", 254)]
    [InlineData("metadata: {name: p, ownerReferences: [{controller: true, kind: ReplicaSet, name: NS}]}", "metadata.ownerReferences[0].name", 254)]
    [InlineData("metadata: {name: p, ownerReferences: [{controller: true, kind: NS, name: rs}]}", "metadata.ownerReferences[0].kind", 64)]
    public void A_name_longer_than_kubernetes_allows_is_invalid_input(string metadata, string field, int length)
    {
        var result = RunList(Pod(metadata.Replace("NS", new string('a', length), StringComparison.Ordinal)), out var file);

        Assert.Equal(3, result.Exit);
        Assert.Null(Verdict.Problem(result.Exit, result.Stdout, result.Stderr, file));
        Assert.Contains($"{field}: is {length} characters long; Kubernetes allows at most {length - 1}", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_at_the_kubernetes_limits_are_accepted()
    {
        var metadata = $"metadata: {{name: {new string('p', 253)}, namespace: {new string('n', 63)}, "
            + $"ownerReferences: [{{controller: true, kind: {new string('K', 63)}, name: {new string('o', 253)}}}]}}";

        var result = RunList(Pod(metadata), out var file);

        Assert.Equal(0, result.Exit);
        Assert.Null(Verdict.Problem(result.Exit, result.Stdout, result.Stderr, file));
        Assert.Contains($"{new string('n', 63)}/{new string('o', 253)}[{new string('K', 63)}]", result.Stdout, StringComparison.Ordinal);
    }

    private static string Pod(string metadata) => $"apiVersion: v1\nkind: Pod\n{metadata}\nspec: {{containers: [{{name: c}}]}}\n";

    private static CliRunner.Result RunList(string yaml, out string file)
    {
        file = Path.Combine(Path.GetTempPath(), $"portolan-fuzz-regression-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, yaml);
        try
        {
            return CliRunner.Run("list", file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
