using System.CommandLine;

namespace Portolan.Cli.Commands;

/// <summary>
/// Rejects unknown options that the PATH argument (or -f) would otherwise take as file names, so
/// "--bogus" is reported as an unknown option, not as a missing file. "-" (stdin) stays a path.
/// </summary>
public static class UnknownOptions
{
    public static void RejectIn(Argument<string[]> paths) =>
        paths.Validators.Add(result => Check(result.Tokens.Select(t => t.Value), result.AddError));

    public static void RejectIn(Option<string[]> filenames) =>
        filenames.Validators.Add(result => Check(result.Tokens.Select(t => t.Value), result.AddError));

    private static void Check(IEnumerable<string> values, Action<string> error)
    {
        foreach (var value in values)
        {
            if (value.Length > 1 && value[0] == '-')
                error($"unknown option '{value}'");
        }
    }
}
