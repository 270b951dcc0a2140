using System.Diagnostics;

namespace Portolan.Nftables.Lab;

/// <summary>Runs ip(8) and nft(8) with a script on stdin; a failure names the step and repeats the tool's message.</summary>
public static class Tools
{
    public const string Ip = "ip";
    public const string Nft = "nft";

    /// <summary>Runs a batch of ip commands (one per line) in a namespace, or in the caller's when <paramref name="netns"/> is null.</summary>
    public static void IpBatch(string? netns, IEnumerable<string> lines, string step)
    {
        var script = string.Join('\n', lines) + "\n";
        string[] args = netns is null ? ["-batch", "-"] : ["-n", netns, "-batch", "-"];
        Run(Ip, args, script, step);
    }

    /// <summary>Applies an nftables script as one transaction inside a namespace.</summary>
    public static void NftApply(string netns, string script, string step) =>
        Run(Ip, ["netns", "exec", netns, Nft, "-f", "-"], script, step);

    public static string Run(string tool, IReadOnlyList<string> args, string? stdin, string step)
    {
        var info = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new LabException($"{step}: cannot start {tool}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new LabException($"{step}: cannot run {tool}: {e.Message}");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (stdin is not null)
            {
                process.StandardInput.Write(stdin);
                process.StandardInput.Close();
            }
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new LabException($"{step}: {tool} {string.Join(' ', args)} failed (exit {process.ExitCode}): {stderr.Result.Trim()}");
            }
            return stdout.Result;
        }
    }

    /// <summary>Is the tool on PATH? (Kernel tests skip without it.)</summary>
    public static bool Exists(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/sbin:/usr/bin:/sbin:/bin").Split(':')
            .Concat(["/usr/sbin", "/sbin"]).Any(dir => File.Exists(Path.Combine(dir, tool)));
}
