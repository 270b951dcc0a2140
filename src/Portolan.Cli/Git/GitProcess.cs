using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Portolan.Cli.Git;

/// <summary>Runs the git CLI with an argument list (never a shell), feeding stdin and capturing both outputs.</summary>
public static class GitProcess
{
    public sealed record Result(int Exit, byte[] Stdout, string Stderr)
    {
        public string Text => Encoding.UTF8.GetString(Stdout);
    }

    /// <param name="executable">The git to run; tests name one that does not exist.</param>
    public static Result Run(string workingDirectory, IEnumerable<string> args, byte[]? stdin = null, string executable = "git")
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // Never wait for credentials or a pager; messages in English whatever the user's locale.
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_PAGER"] = "cat";
        start.Environment["LC_ALL"] = "C";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new GitException("git did not start", ExitCodes.Environment);
        }
        catch (Win32Exception e)
        {
            throw new GitException($"git is needed for --base/--head but cannot be run ({e.Message}); install git or compare directories instead", ExitCodes.Environment);
        }
        using (process)
        {
            var stdout = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
            var stderr = process.StandardError.ReadToEndAsync();
            var feed = Task.Run(() =>
            {
                try
                {
                    using var input = process.StandardInput.BaseStream;
                    if (stdin is not null) input.Write(stdin);
                }
                catch (IOException)
                {
                    // git exited before reading everything; its exit code and stderr say why.
                }
            });
            Task.WaitAll(copy, stderr, feed);
            process.WaitForExit();
            return new Result(process.ExitCode, stdout.ToArray(), stderr.Result.Trim());
        }
    }
}
