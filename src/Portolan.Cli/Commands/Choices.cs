using System.CommandLine;

namespace Portolan.Cli.Commands;

/// <summary>Restricts an option to a fixed set of values, with a one-line error that lists them.</summary>
public static class Choices
{
    public static void Restrict(Option option, params string[] allowed) =>
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!allowed.Contains(token.Value, StringComparer.Ordinal))
                    result.AddError($"{option.Name}: '{token.Value}' is not one of {string.Join(", ", allowed)}");
            }
        });
}
