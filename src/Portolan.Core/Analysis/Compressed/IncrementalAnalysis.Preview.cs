namespace Portolan.Core.Analysis.Compressed;

public sealed partial class IncrementalAnalysis
{
    /// <summary>
    /// What a policy change would open and close, with the analysed state left as it was (issue 7:
    /// an admission webhook decides on a change without storing it). Not thread-safe, as Apply.
    /// </summary>
    public ChangeResult Preview(Change change)
    {
        if (change is not (PolicyAdded or PolicyRemoved or PolicyChanged))
            throw new ArgumentException("only policy changes can be previewed", nameof(change));
        var engine = Engine;
        var result = Apply(change);
        if (result.Rebuilt)
        {
            // A rebuild builds a new engine and never touches the old one.
            Engine = engine;
            return result;
        }
        var (old, replacement) = Sides(change);
        engine.ReplacePolicy(replacement, old);
        return result;
    }
}
