using System.Globalization;
using Portolan.Tests.Support;

namespace Portolan.Tests.Semantics;

/// <summary>
/// Building blocks for the semantics catalogue (reference/semantics.md §7): namespaces and bare pods
/// as YAML documents, and the list/eval runs through the real command line on stdin.
/// </summary>
internal static class Manifest
{
    /// <summary>The whole IPv4 space as one external atom: what is printed when no ipBlock cuts it.</summary>
    public const string World = "0.0.0.0-255.255.255.255[External]";

    public const string All = "All Connections";

    public static string Docs(params string[] documents) =>
        string.Join("\n---\n", documents.Select(d => d.Trim('\n'))) + "\n";

    /// <summary>A Namespace; labels is the inside of a flow map ("team: x").</summary>
    public static string Namespace(string name, string labels = "") => $$"""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: {{name}}
          labels: {{{labels}}}
        """;

    /// <summary>
    /// A bare Pod. labels is the inside of a flow map ("app: a"); ports is a comma-separated list of
    /// [name=]number[/PROTOCOL] ("http=8080,dns=53/UDP"); ips is a comma-separated status.podIPs list.
    /// </summary>
    public static string Pod(string ns, string name, string labels, string ports = "", string ips = "")
    {
        var portLines = string.Concat(Split(ports).Select(PortLine));
        var ipLines = Split(ips).Length == 0 ? "" : "status:\n  podIPs:\n" + string.Concat(Split(ips).Select(ip => $"  - ip: {ip}\n"));
        return $$"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: {{name}}
              namespace: {{ns}}
              labels: {{{labels}}}
            spec:
              containers:
              - name: main
                image: registry.k8s.io/pause:3.9
                ports:
            {{portLines}}{{ipLines}}
            """;
    }

    private static string[] Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string PortLine(string spec)
    {
        var (name, rest) = spec.Contains('=', StringComparison.Ordinal)
            ? (spec[..spec.IndexOf('=', StringComparison.Ordinal)], spec[(spec.IndexOf('=', StringComparison.Ordinal) + 1)..])
            : (null, spec);
        var (number, protocol) = rest.Contains('/', StringComparison.Ordinal)
            ? (rest[..rest.IndexOf('/', StringComparison.Ordinal)], rest[(rest.IndexOf('/', StringComparison.Ordinal) + 1)..])
            : (rest, "TCP");
        var named = name is null ? "" : $", name: {name}";
        return $"    - {{containerPort: {number}, protocol: {protocol}{named}}}\n";
    }

    /// <summary>Runs list on stdin (scope null = the default) and returns its lines; the run must succeed.</summary>
    public static string[] List(string yaml, string? scope = null)
    {
        string[] args = scope is null ? ["list", "-"] : ["list", "-", "--ipblock-scope", scope];
        var result = CliRunner.RunWithStdin(yaml, args);
        Assert.True(result.Exit == 0, $"list exited {result.Exit}: {result.Stderr}");
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static CliRunner.Result Eval(string yaml, string source, string destination, string port,
        string? protocol = null, string? scope = null)
    {
        List<string> args = ["eval", "-", "--source", source, "--destination", destination, "--port", port];
        if (protocol is not null) args.AddRange(["--protocol", protocol]);
        if (scope is not null) args.AddRange(["--ipblock-scope", scope]);
        return CliRunner.RunWithStdin(yaml, [.. args]);
    }

    /// <summary>The first line of eval says the verdict; exit 0 means allowed and 1 denied (issue 2).</summary>
    public static void AssertVerdict(CliRunner.Result result, bool allowed, string connection)
    {
        Assert.True(result.Exit == (allowed ? 0 : 1), $"eval exited {result.Exit}: {result.Stdout}{result.Stderr}");
        Assert.Equal($"{(allowed ? "ALLOWED" : "DENIED")}: {connection}", result.Stdout.Split('\n')[0]);
    }

    public static void AssertEvalAllowed(string yaml, string source, string destination, string port, string? protocol = null, string? scope = null)
    {
        var result = Eval(yaml, source, destination, port, protocol, scope);
        Assert.True(result.Exit == 0, $"expected ALLOWED (exit 0), got exit {result.Exit}: {Describe(source, destination, port, protocol)}\n{result.Stdout}{result.Stderr}");
    }

    public static void AssertEvalDenied(string yaml, string source, string destination, string port, string? protocol = null, string? scope = null)
    {
        var result = Eval(yaml, source, destination, port, protocol, scope);
        Assert.True(result.Exit == 1, $"expected DENIED (exit 1), got exit {result.Exit}: {Describe(source, destination, port, protocol)}\n{result.Stdout}{result.Stderr}");
    }

    private static string Describe(string source, string destination, string port, string? protocol) =>
        $"{source} -> {destination} {protocol ?? "TCP"} {port}";

    /// <summary>Compares whole outputs, one line each, so a failure shows the full difference.</summary>
    public static void AssertLines(IEnumerable<string> actual, params string[] expected) =>
        Assert.Equal(string.Join("\n", expected), string.Join("\n", actual));

    /// <summary>The lines whose source is <paramref name="peer"/>.</summary>
    public static IEnumerable<string> From(IEnumerable<string> lines, string peer) =>
        lines.Where(l => l.StartsWith(peer + " => ", StringComparison.Ordinal));

    /// <summary>The lines whose destination is <paramref name="peer"/>.</summary>
    public static IEnumerable<string> Into(IEnumerable<string> lines, string peer) =>
        lines.Where(l => l.Contains(" => " + peer + " : ", StringComparison.Ordinal));

    /// <summary>Lines between two workloads (no external range on either side).</summary>
    public static IEnumerable<string> PodToPod(IEnumerable<string> lines) =>
        lines.Where(l => !l.Contains("[External]", StringComparison.Ordinal));

    /// <summary>1-based line of the only line containing <paramref name="marker"/>.</summary>
    public static int LineOf(string yaml, string marker)
    {
        var lines = yaml.Split('\n');
        var hits = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.True(hits.Count == 1, $"marker \"{marker}\" must occur on exactly one line, found {hits.Count}");
        return hits[0] + 1;
    }

    /// <summary>
    /// Invalid input (semantics §3.9 and the CRD rules): exit 3, nothing on stdout, and one error that
    /// names the line of the offending field and the object.
    /// </summary>
    public static void AssertRejected(string yaml, string objectName, string marker)
    {
        var line = LineOf(yaml, marker);
        var result = CliRunner.RunWithStdin(yaml, "list", "-");
        Assert.True(result.Exit == 3, $"expected exit 3 (invalid input), got {result.Exit}\n{result.Stdout}{result.Stderr}");
        Assert.Equal("", result.Stdout);
        var error = Assert.Single(result.Stderr.Split('\n'), l => l.StartsWith("portolan: error: ", StringComparison.Ordinal));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"<stdin>:{line}: "), error, StringComparison.Ordinal);
        Assert.Contains(objectName, error, StringComparison.Ordinal);
    }
}
