using System.Text.Json;
using Portolan.Cli.Git;
using Portolan.Tests.Support;

namespace Portolan.Tests.Diff;

/// <summary>
/// diff --base/--head over a real repository built in a temporary directory: commit 1 holds the
/// "mixed" scenario's before/, commit 2 its after/, both under k8s/; the txt output must equal the
/// one from comparing the two directories.
/// </summary>
public sealed class DiffGitTests : IDisposable
{
    private static readonly string Mixed = Path.Combine(Paths.Golden, "diff", "mixed");

    private readonly string _repository = Directory.CreateTempSubdirectory("portolan-diff-git-").FullName;

    public void Dispose() => Directory.Delete(_repository, recursive: true);

    [GitFact]
    public void Base_and_head_compare_two_commits()
    {
        BuildRepository();

        var result = CliRunner.RunIn(_repository, "diff", "--base", "HEAD~1", "--head", "HEAD");

        Assert.Equal(1, result.Exit);
        Assert.Equal(ExpectedText(), result.Stdout);
    }

    [GitFact]
    public void Without_head_the_other_side_is_the_working_tree_as_git_sees_it()
    {
        BuildRepository();
        // Ignored files are no input: this one would be an error if it were read.
        Directory.CreateDirectory(Path.Combine(_repository, "k8s", "bin"));
        File.WriteAllText(Path.Combine(_repository, "k8s", "bin", "build.json"), "{\"not\": \"a manifest\"}");
        File.WriteAllText(Path.Combine(_repository, ".gitignore"), "bin/\n");

        var result = CliRunner.RunIn(_repository, "diff", "--base", "HEAD~1");

        Assert.Equal(1, result.Exit);
        Assert.Equal(ExpectedText(), result.Stdout);
        Assert.DoesNotContain("build.json", result.Stderr, StringComparison.Ordinal);
    }

    [GitFact]
    public void A_working_tree_equal_to_the_base_has_no_difference()
    {
        BuildRepository();

        var result = CliRunner.RunIn(_repository, "diff", "--base", "HEAD");

        Assert.Equal(0, result.Exit);
        Assert.Equal("", result.Stdout);
    }

    [GitFact]
    public void Paths_are_relative_to_the_current_directory_and_sarif_uris_to_the_repository_root()
    {
        BuildRepository();

        var text = CliRunner.RunIn(Path.Combine(_repository, "k8s"), "diff", "--base", "HEAD~1", "--head", "HEAD", ".");
        var sarif = CliRunner.RunIn(Path.Combine(_repository, "k8s"), "diff", "--base", "HEAD~1", "--head", "HEAD", "-o", "sarif");

        Assert.Equal(ExpectedText(), text.Stdout);
        using var document = JsonDocument.Parse(sarif.Stdout);
        var uris = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString())
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["k8s/policies.yaml", "k8s/workloads.yaml"], uris);
    }

    [GitFact]
    public void A_directory_that_exists_on_one_side_only_is_all_added()
    {
        BuildRepository();
        Directory.CreateDirectory(Path.Combine(_repository, "more"));
        File.Copy(Path.Combine(Mixed, "after", "workloads.yaml"), Path.Combine(_repository, "more", "workloads.yaml"));

        var result = CliRunner.RunIn(_repository, "diff", "--base", "HEAD", "more");

        Assert.Equal(1, result.Exit);
        Assert.Contains("note: no manifest files under more at revision HEAD", result.Stderr, StringComparison.Ordinal);
        Assert.All(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1),
            line => Assert.StartsWith("diff-type: added", line, StringComparison.Ordinal));
    }

    [GitFact]
    public void An_unknown_revision_is_a_usage_error()
    {
        BuildRepository();

        var result = CliRunner.RunIn(_repository, "diff", "--base", "no-such-branch");

        Assert.Equal(2, result.Exit);
        Assert.Equal("", result.Stdout);
        Assert.Contains("unknown revision \"no-such-branch\"", result.Stderr, StringComparison.Ordinal);
    }

    [GitFact]
    public void Outside_a_repository_base_is_a_usage_error()
    {
        var result = CliRunner.RunIn(_repository, "diff", "--base", "HEAD");

        Assert.Equal(2, result.Exit);
        Assert.Contains("--base needs a Git repository", result.Stderr, StringComparison.Ordinal);
    }

    private static string ExpectedText() => File.ReadAllText(Path.Combine(Mixed, "diff.txt")).ReplaceLineEndings("\n");

    private void BuildRepository()
    {
        Git("init", "-q");
        var k8s = Path.Combine(_repository, "k8s");
        Directory.CreateDirectory(k8s);
        File.WriteAllText(Path.Combine(_repository, "README.md"), "# not a manifest\n");
        foreach (var side in (string[])["before", "after"])
        {
            foreach (var file in Directory.GetFiles(Path.Combine(Mixed, side)))
            {
                File.Copy(file, Path.Combine(k8s, Path.GetFileName(file)), overwrite: true);
            }
            Git("add", "-A");
            Git("-c", "user.name=Portolan Test", "-c", "user.email=test@portolan.invalid", "-c", "commit.gpgsign=false",
                "commit", "-q", "-m", side);
        }
    }

    private void Git(params string[] args)
    {
        var result = GitProcess.Run(_repository, args);
        Assert.True(result.Exit == 0, $"git {string.Join(' ', args)}: {result.Stderr}");
    }
}
