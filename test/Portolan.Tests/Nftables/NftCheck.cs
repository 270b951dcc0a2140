using System.Diagnostics;
using System.Text.Json.Nodes;
using Portolan.Nftables;

namespace Portolan.Tests.Nftables;

/// <summary>
/// Runs the real <c>nft -c</c> (check only, nothing is committed) on a ruleset, inside a network namespace
/// of its own (<c>unshare --net</c>) so not even a check touches the host's. Needs root and nft.
/// </summary>
public static class NftCheck
{
    /// <summary>
    /// Checks many rulesets (each with a table name of its own) in one nft run, nft being slow to start
    /// (~0.2 s); when nft rejects the batch, each is checked alone so the message names the culprit.
    /// </summary>
    public static void AssertAllAccepted(IReadOnlyList<(string What, CompiledRuleset Ruleset)> rulesets)
    {
        if (Accepted(string.Concat(rulesets.Select(r => r.Ruleset.Text)), json: false)
            && Accepted(MergeJson(rulesets.Select(r => NftablesCompiler.ToJson(r.Ruleset))), json: true)) return;
        foreach (var (what, ruleset) in rulesets)
        {
            AssertAccepted(ruleset.Text, json: false, what);
            AssertAccepted(NftablesCompiler.ToJson(ruleset), json: true, what);
        }
        Assert.Fail("nft rejects the rulesets together but accepts each alone");
    }

    private static bool Accepted(string ruleset, bool json) => Check(ruleset, json).Exit == 0;

    private static string MergeJson(IEnumerable<string> documents)
    {
        var merged = new JsonArray();
        foreach (var document in documents)
        {
            foreach (var item in JsonNode.Parse(document)!["nftables"]!.AsArray()) merged.Add(item!.DeepClone());
        }
        return new JsonObject { ["nftables"] = merged }.ToJsonString();
    }

    public static void AssertAccepted(string ruleset, bool json, string what)
    {
        var (exit, output) = Check(ruleset, json);
        Assert.True(exit == 0, $"nft -c rejects the ruleset of {what} (exit {exit}):\n{output}");
    }

    /// <summary>
    /// Loads the ruleset into a fresh network namespace of its own (gone when nft exits) and lists the table
    /// back as the kernel holds it: what text and JSON mean, compared.
    /// </summary>
    public static string LoadAndList(string ruleset, bool json, string table)
    {
        var file = Path.Combine(Path.GetTempPath(), $"portolan-nft-{Environment.ProcessId}-{Guid.NewGuid():N}.{(json ? "json" : "nft")}");
        File.WriteAllText(file, ruleset);
        try
        {
            var (exit, output) = Run("unshare", "--net", "sh", "-c", $"{Nft} {(json ? "-j " : "")}-f \"$0\" && {Nft} list table inet {table}", file);
            Assert.True(exit == 0, $"nft cannot load the ruleset (exit {exit}):\n{output}");
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static (int Exit, string Output) Check(string ruleset, bool json)
    {
        var file = Path.Combine(Path.GetTempPath(), $"portolan-nft-{Environment.ProcessId}-{Guid.NewGuid():N}.{(json ? "json" : "nft")}");
        File.WriteAllText(file, ruleset);
        try
        {
            return Run("unshare", "--net", Nft!, json ? "-j" : "", "-c", "-f", file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static readonly string[] Places = ["/usr/sbin/nft", "/sbin/nft", "/usr/bin/nft"];

    private static string? Nft => Places.FirstOrDefault(File.Exists);

    // After Places: static fields initialise in textual order.
    public static string? Unavailable { get; } = Probe();

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux()) return "nft runs on Linux only";
        if (!Environment.IsPrivilegedProcess) return "nft -c needs root (CI runs as root; run the tests as root to check rulesets with the real nft)";
        if (Nft is null) return "nft is not installed (apt-get install -y nftables; .ci/run installs it)";
        try
        {
            var (exit, output) = Run("unshare", "--net", Nft, "--version");
            return exit == 0 ? null : $"cannot run nft in a new network namespace: {output}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"cannot run unshare (util-linux): {e.Message}";
        }
    }

    private static (int Exit, string Output) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args.Where(a => a.Length > 0)) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }
}

/// <summary>A fact that runs the real nft; skipped, with the reason, when it cannot (not root, no nft).</summary>
public sealed class NftFactAttribute : FactAttribute
{
    public NftFactAttribute()
    {
        if (NftCheck.Unavailable is { } reason) Skip = reason;
    }
}

/// <summary>A theory that runs the real nft; skipped, with the reason, when it cannot (not root, no nft).</summary>
public sealed class NftTheoryAttribute : TheoryAttribute
{
    public NftTheoryAttribute()
    {
        if (NftCheck.Unavailable is { } reason) Skip = reason;
    }
}
