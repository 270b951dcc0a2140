namespace Portolan.Core.Model;

/// <summary>Where an object or a field was read: file (as given by the user) and 1-based line.</summary>
public sealed record SourceLocation(string File, int Line)
{
    public static SourceLocation None { get; } = new("", 0);

    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}
