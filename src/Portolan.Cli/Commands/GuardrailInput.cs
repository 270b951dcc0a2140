using Portolan.Core.Analysis.Guardrails;
using Portolan.Kubernetes;
using Portolan.Kubernetes.Guardrails;

namespace Portolan.Cli.Commands;

/// <summary>Reads --guardrails files for check and serve, or reports why not with the exit code to use.</summary>
public static class GuardrailInput
{
    public static (GuardrailSet? Set, int Exit) Load(CommandContext context, IReadOnlyList<string> files)
    {
        GuardrailSet set;
        try
        {
            set = GuardrailParser.Load(files);
        }
        catch (FileNotFoundException e)
        {
            context.Error($"guardrails file not found: {e.FileName ?? e.Message}");
            return (null, ExitCodes.Usage);
        }
        catch (DirectoryNotFoundException e)
        {
            context.Error($"guardrails file not found: {e.Message}");
            return (null, ExitCodes.Usage);
        }
        catch (ManifestException e)
        {
            context.Error(e.Message);
            return (null, ExitCodes.InvalidInput);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error(e.Message);
            return (null, ExitCodes.InvalidInput);
        }
        if (set.Statements.IsEmpty)
        {
            context.Error($"no guardrails in {string.Join(", ", files)}: give at least one statement under spec.guardrails");
            return (null, ExitCodes.InvalidInput);
        }
        return (set, ExitCodes.Ok);
    }
}
