using Portolan.Cli;

namespace Portolan.Tests.Support;

/// <summary>Runs the real command line in-process with captured streams.</summary>
public static class CliRunner
{
    public sealed record Result(int Exit, string Stdout, string Stderr);

    public static Result Run(params string[] args) => RunWithStdin("", args);

    public static Result RunWithStdin(string stdin, params string[] args) => RunWithEnvironment(new Dictionary<string, string>(), stdin, args);

    /// <summary>Runs with <paramref name="environment"/> as the whole process environment the CLI sees ($KUBECONFIG, $HOME).</summary>
    public static Result RunWithEnvironment(IReadOnlyDictionary<string, string> environment, string stdin, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = new PortolanCli(new StringReader(stdin), stdout, stderr, environment: name => environment.GetValueOrDefault(name)).Run(args);
        return new Result(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs with the working directory at <paramref name="directory"/> so file names in messages are relative.</summary>
    public static Result RunIn(string directory, params string[] args) => RunInWithStdin(directory, "", args);

    /// <summary>As <see cref="RunIn"/>, with <paramref name="stdin"/> as standard input.</summary>
    public static Result RunInWithStdin(string directory, string stdin, params string[] args)
    {
        lock (CwdLock)
        {
            var previous = Environment.CurrentDirectory;
            Environment.CurrentDirectory = directory;
            try { return RunWithStdin(stdin, args); }
            finally { Environment.CurrentDirectory = previous; }
        }
    }

    private static readonly object CwdLock = new();
}
