using System.Diagnostics;

namespace Portolan.Tests.Live;

/// <summary>A fact that runs the machine's kubectl; skipped, with the reason, where it is not installed.</summary>
public sealed class KubectlFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Available = new(() =>
    {
        try
        {
            return Kubectl.Run(null, "version", "--client").Exit == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public KubectlFactAttribute()
    {
        if (!Available.Value) Skip = "kubectl is not installed (the fidelity check runs the real kubectl against the fixture API server)";
    }
}

/// <summary>Runs kubectl with its discovery cache in a scratch folder.</summary>
public static class Kubectl
{
    public sealed record Result(int Exit, string Stdout, string Stderr);

    public static Result Run(string? cacheDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        if (cacheDirectory is not null) start.ArgumentList.Add($"--cache-dir={cacheDirectory}");
        start.Environment.Remove("KUBECONFIG");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("kubectl " + string.Join(' ', args) + " did not finish within 60 s");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
