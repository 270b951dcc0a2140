using System.Diagnostics;
using System.Text.Json;
using Portolan.Cli.Git;
using Portolan.Tests.Diff;
using Portolan.Tests.Support;

namespace Portolan.Tests.Ci;

/// <summary>
/// The action's script run for real (bash, git, the built CLI) over a repository with a base commit
/// and a pull request in the working tree: the golden check cluster without, then with, the
/// over-broad vault-debug policy.
/// </summary>
public sealed class ActionScriptTests : IDisposable
{
    private static readonly string Cluster = Path.Combine(Paths.Golden, "check", "cluster");

    private readonly string _repository = Directory.CreateTempSubdirectory("portolan-action-").FullName;

    public void Dispose() => Directory.Delete(_repository, recursive: true);

    [GitFact]
    public void A_pull_request_that_breaks_a_guardrail_fails_the_gate_and_the_report_says_why()
    {
        BuildRepository();
        File.Copy(Path.Combine(Cluster, "policies.yaml"), Path.Combine(_repository, "k8s", "policies.yaml"), overwrite: true);

        var (exit, stderr) = RunScript("HEAD", "deny-violated", formats: "sarif");

        Assert.True(exit == 1, stderr);
        var report = File.ReadAllText(Path.Combine(_repository, "out", "report.md"));
        Assert.StartsWith("<!-- portolan-report -->\n## Portolan\n", report, StringComparison.Ordinal);
        Assert.Contains("| Connectivity (`diff --base HEAD`) | changed: review below |", report, StringComparison.Ordinal);
        Assert.Contains("| Guardrails (`check`) | violated |", report, StringComparison.Ordinal);
        Assert.Contains("| **added** | `legacy/batch[Deployment]` | `payments/vault[StatefulSet]` | No Connections | TCP 8200 |", report, StringComparison.Ordinal);
        Assert.Contains("k8s/policies.yaml:57: error: legacy/batch[Deployment] => payments/vault[StatefulSet]: reachable on TCP 8200", report, StringComparison.Ordinal);
        Assert.Contains("[allow-from-all-namespaces]", report, StringComparison.Ordinal);
        Assert.Equal(report, File.ReadAllText(Path.Combine(_repository, "out", "comment.md")));
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(_repository, "out", "check.sarif")));
        var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal("k8s/policies.yaml", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        using var lint = JsonDocument.Parse(File.ReadAllText(Path.Combine(_repository, "out", "lint.sarif")));
        Assert.NotEmpty(lint.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
    }

    [GitFact]
    public void An_unchanged_pull_request_whose_guardrails_hold_passes()
    {
        BuildRepository();

        var (exit, stderr) = RunScript("HEAD", "deny-holds");

        Assert.True(exit == 0, stderr);
        var report = File.ReadAllText(Path.Combine(_repository, "out", "report.md"));
        Assert.Contains("| Connectivity (`diff --base HEAD`) | no change |", report, StringComparison.Ordinal);
        Assert.Contains("| Lint (`lint --fail-severity error`) | passes |", report, StringComparison.Ordinal);
        Assert.Contains("| Guardrails (`check`) | all hold |", report, StringComparison.Ordinal);
        Assert.Contains("## Connectivity diff: no changes", report, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_repository, "out", "check.sarif")), "no extra format was asked for");
    }

    [GitFact]
    public void A_base_revision_that_does_not_exist_is_an_error_the_report_shows()
    {
        BuildRepository();

        var (exit, _) = RunScript("no-such-branch", "deny-holds", lint: false);

        Assert.Equal(2, exit);
        var report = File.ReadAllText(Path.Combine(_repository, "out", "report.md"));
        Assert.Contains("| Connectivity (`diff --base no-such-branch`) | could not run (exit 2) |", report, StringComparison.Ordinal);
        Assert.Contains("no-such-branch", report.Split("## Connectivity diff: could not run")[1], StringComparison.Ordinal);
    }

    // Base commit: the cluster without vault-debug, and the scenario's guardrails file.
    private void BuildRepository()
    {
        Git("init", "-q");
        Git("config", "user.email", "ci@example.invalid");
        Git("config", "user.name", "ci");
        Directory.CreateDirectory(Path.Combine(_repository, "k8s"));
        foreach (var file in Directory.GetFiles(Cluster)) File.Copy(file, Path.Combine(_repository, "k8s", Path.GetFileName(file)));
        var policies = File.ReadAllText(Path.Combine(Cluster, "policies.yaml"));
        var start = policies.IndexOf("# Added while debugging", StringComparison.Ordinal);
        var end = policies.IndexOf("---\n", start, StringComparison.Ordinal) + 4;
        File.WriteAllText(Path.Combine(_repository, "k8s", "policies.yaml"), policies[..start] + policies[end..]);
        foreach (var scenario in new[] { "deny-violated", "deny-holds" })
        {
            Directory.CreateDirectory(Path.Combine(_repository, scenario));
            File.Copy(Path.Combine(Paths.Golden, "check", scenario, "guardrails.yaml"), Path.Combine(_repository, scenario, "guardrails.yaml"));
        }
        Git("add", "-A");
        Git("commit", "-q", "-m", "base");
    }

    private void Git(params string[] args)
    {
        var result = GitProcess.Run(_repository, args);
        Assert.True(result.Exit == 0, $"git {string.Join(" ", args)}: {result.Stderr}");
    }

    private (int Exit, string Stderr) RunScript(string baseRevision, string scenario, string formats = "", bool lint = true)
    {
        var start = new ProcessStartInfo("bash", [ActionDefinitionTests.Script])
        {
            WorkingDirectory = _repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The CLI this test run built, run as the action runs it.
        start.Environment["PORTOLAN"] = $"dotnet {typeof(Portolan.Cli.PortolanCli).Assembly.Location}";
        start.Environment["PORTOLAN_BASE"] = baseRevision;
        start.Environment["PORTOLAN_PATHS"] = "k8s";
        start.Environment["PORTOLAN_GUARDRAILS"] = $"{scenario}/guardrails.yaml";
        start.Environment["PORTOLAN_LINT_FAIL_SEVERITY"] = "error";
        start.Environment["PORTOLAN_OUT"] = "out";
        start.Environment["PORTOLAN_FORMATS"] = formats;
        start.Environment["PORTOLAN_LINT"] = lint ? "true" : "false";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "the script did not finish in 3 minutes");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
