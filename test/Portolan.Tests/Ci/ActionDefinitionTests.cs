using System.Text.RegularExpressions;
using Portolan.Kubernetes.Yaml;
using Portolan.Tests.Support;

namespace Portolan.Tests.Ci;

/// <summary>
/// The composite GitHub Action (.github/actions/portolan) and the GitLab job in docs/ci.md are well
/// formed, and every portolan command line of the script they share uses a command, flags and
/// formats the CLI has (checked against each command's --help).
/// </summary>
public sealed partial class ActionDefinitionTests
{
    public static readonly string ActionDirectory = Path.Combine(Paths.RepoRoot, ".github", "actions", "portolan");
    public static readonly string Script = Path.Combine(ActionDirectory, "pr-report.sh");

    [Fact]
    public void The_action_is_a_composite_whose_steps_are_complete()
    {
        var action = Map(Read(Path.Combine(ActionDirectory, "action.yml")));
        Assert.Equal("composite", Scalar(Map(action["runs"])["using"]));
        var inputs = Map(action["inputs"]).Entries.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var steps = ((YSeq)Map(action["runs"])["steps"]!).Items.Select(Map).ToList();
        Assert.NotEmpty(steps);
        foreach (var step in steps)
        {
            Assert.True(step.Has("name"), $"a step at line {step.Line} has no name");
            Assert.True(step.Has("uses") ^ step.Has("run"), $"step {Scalar(step["name"])}: one of uses or run");
            if (step.Has("run")) Assert.Equal("bash", Scalar(step["shell"]));
        }
        var text = File.ReadAllText(Path.Combine(ActionDirectory, "action.yml"));
        foreach (Match m in InputReference().Matches(text)) Assert.Contains(m.Groups[1].Value, inputs);
        // Outputs read from the report step are the ones it writes.
        var report = steps.Single(s => s["id"] is YScalar { Value: "report" });
        foreach (Match m in StepOutput().Matches(text)) Assert.Contains($"echo \"{m.Groups[1].Value}=", Scalar(report["run"]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_action_builds_the_cli_of_its_own_repository_and_runs_the_script_beside_it()
    {
        var text = File.ReadAllText(Path.Combine(ActionDirectory, "action.yml"));
        var build = Assert.Single(BuildPath().Matches(text));
        Assert.True(File.Exists(Path.Combine(ActionDirectory, build.Groups[1].Value, "Portolan.Cli.csproj")), build.Value);
        Assert.Contains("bash \"$GITHUB_ACTION_PATH/pr-report.sh\"", text, StringComparison.Ordinal);
        Assert.True(File.Exists(Script));
        Assert.Contains("portolan.dll", text, StringComparison.Ordinal);
        // Every variable the report step sets is one the script reads.
        var scriptText = File.ReadAllText(Script);
        foreach (Match m in EnvVariable().Matches(text)) Assert.Contains($"${{{m.Groups[1].Value}", scriptText, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> CommandLines()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadLines(Script))
        {
            var m = RunLine().Match(line);
            if (m.Success) data.Add(m.Groups[1].Value, m.Groups[2].Value);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void Each_command_line_of_the_script_uses_flags_and_formats_the_cli_has(string command, string arguments)
    {
        var help = CliRunner.Run(command, "--help");
        Assert.Equal(0, help.Exit);
        // Whole flags: --fail-sev must not pass because the help lists --fail-severity.
        foreach (Match flag in Flag().Matches(arguments)) Assert.Matches($"(?<![\\w-]){Regex.Escape(flag.Value)}(?![\\w-])", help.Stdout);
        foreach (Match format in Format().Matches(arguments))
            Assert.Matches($"-o, --output <[a-z|]*\\b{format.Groups[1].Value}\\b", help.Stdout);
    }

    [Theory]
    [InlineData("lint")]
    [InlineData("check")]
    public void The_extra_formats_the_script_writes_by_default_are_formats_of_lint_and_check(string command)
    {
        var defaults = DefaultFormats().Match(File.ReadAllText(Script));
        Assert.True(defaults.Success, "pr-report.sh sets no default PORTOLAN_FORMATS");
        var help = CliRunner.Run(command, "--help").Stdout;
        foreach (var format in defaults.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            Assert.Matches($"-o, --output <[a-z|]*\\b{format}\\b", help);
    }

    [Fact]
    public void The_script_runs_diff_lint_and_check()
    {
        Assert.Equal(["check", "diff", "lint"], CommandLines().Select(row => (string)row[0]).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_gitlab_job_runs_the_same_script_with_variables_it_reads()
    {
        var doc = File.ReadAllText(Path.Combine(Paths.RepoRoot, "docs", "ci.md"));
        var block = GitlabBlock().Match(doc);
        Assert.True(block.Success, "docs/ci.md has no .gitlab-ci.yml block");
        var job = Map(Map(Parse(block.Groups[1].Value))["portolan"]);
        var script = string.Join("\n", ((YSeq)job["script"]!).Items.Select(Scalar));
        Assert.Contains(".github/actions/portolan/pr-report.sh", script, StringComparison.Ordinal);
        var scriptText = File.ReadAllText(Script);
        var variables = Map(job["variables"]).Entries.Select(e => e.Key).Where(k => k.StartsWith("PORTOLAN_", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(variables);
        foreach (var variable in variables) Assert.Contains($"${{{variable}", scriptText, StringComparison.Ordinal);
    }

    private static YNode Read(string file)
    {
        using var reader = new StreamReader(file);
        return YamlDocumentReader.Read(reader, file).Single().Root!;
    }

    private static YNode Parse(string text) => YamlDocumentReader.Read(new StringReader(text), "ci.yml").Single().Root!;

    private static YMap Map(YNode? node) => Assert.IsType<YMap>(node);

    private static string Scalar(YNode? node) => Assert.IsType<YScalar>(node).Value;

    [GeneratedRegex(@"inputs\.([a-z-]+)")]
    private static partial Regex InputReference();

    [GeneratedRegex(@"steps\.report\.outputs\.([a-z-]+)")]
    private static partial Regex StepOutput();

    [GeneratedRegex(@"\$GITHUB_ACTION_PATH/([./]+src/Portolan\.Cli)")]
    private static partial Regex BuildPath();

    [GeneratedRegex(@"^\s+(PORTOLAN_[A-Z_]+):", RegexOptions.Multiline)]
    private static partial Regex EnvVariable();

    // run NAME FILE COMMAND ARGS... in pr-report.sh
    [GeneratedRegex(@"^\s*run ""?[a-z$-]+""? ""?[a-z.$]+""? ([a-z]+) (.*?)(\|\|.*)?$")]
    private static partial Regex RunLine();

    [GeneratedRegex(@"\$\{PORTOLAN_FORMATS-([a-z ]*)\}")]
    private static partial Regex DefaultFormats();

    [GeneratedRegex(@"--[a-z][a-z-]+")]
    private static partial Regex Flag();

    [GeneratedRegex(@"-o ([a-z]+)")]
    private static partial Regex Format();

    [GeneratedRegex(@"```yaml\n# \.gitlab-ci\.yml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex GitlabBlock();
}
