namespace Portolan.Output;

/// <summary>apiVersion of every JSON document Portolan writes (docs/output-schemas.md).</summary>
public static class Schema
{
    public const string ApiVersion = "portolan.dev/v1alpha1";
}
