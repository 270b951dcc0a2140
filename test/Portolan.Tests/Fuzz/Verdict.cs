using System.Text.RegularExpressions;

namespace Portolan.Tests.Fuzz;

/// <summary>
/// What every input must produce (issue 2): exit 0, or exit 3 with nothing on stdout and exactly one
/// "portolan: error: FILE:LINE: " line; never exit 70 (an internal error is a bug) or anything else.
/// </summary>
public static class Verdict
{
    public static string? Problem(int exit, string stdout, string stderr, string file)
    {
        var errors = stderr.Split('\n').Where(l => l.StartsWith("portolan: error: ", StringComparison.Ordinal)).ToList();
        switch (exit)
        {
            case 0:
                if (stderr.Contains("internal error", StringComparison.Ordinal)) return "exit 0 with an internal error on stderr";
                if (errors.Count > 0) return "exit 0 with an error on stderr";
                return null;
            case 3:
                if (stdout.Length > 0) return $"exit 3 with {stdout.Length} characters on stdout";
                if (errors.Count != 1) return $"exit 3 with {errors.Count} error lines";
                if (!Regex.IsMatch(errors[0], $@"^portolan: error: {Regex.Escape(file)}:\d+: ", RegexOptions.CultureInvariant))
                    return "exit 3, but the error does not name the file and line";
                return null;
            default:
                return $"exit {exit}";
        }
    }
}
