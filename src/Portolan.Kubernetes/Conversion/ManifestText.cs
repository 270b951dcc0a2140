namespace Portolan.Kubernetes.Conversion;

/// <summary>The whole text of one input, named as messages should name it.</summary>
public sealed record ManifestText(string File, string Text);
