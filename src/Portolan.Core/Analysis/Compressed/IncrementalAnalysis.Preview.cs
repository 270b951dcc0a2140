namespace Portolan.Core.Analysis.Compressed;

public sealed partial class IncrementalAnalysis
{
    /// <summary>
    /// What a policy change would open and close, with the analysed state left as it was (issue 7:
    /// an admission webhook decides on a change without storing it). Not thread-safe, as Apply.
    /// </summary>
    /// <param name="inspect">Called with the result and the engine in the changed state, before it is undone (e.g. guardrails).</param>
    public ChangeResult Preview(Change change, Action<ChangeResult, CompressedEngine>? inspect = null)
    {
        if (change is not (PolicyAdded or PolicyRemoved or PolicyChanged))
            throw new ArgumentException("only policy changes can be previewed", nameof(change));
        var engine = Engine;
        var result = Apply(change);
        try
        {
            inspect?.Invoke(result, Engine);
        }
        finally
        {
            Undo(engine, change, result);
        }
        return result;
    }

    private void Undo(CompressedEngine engine, Change change, ChangeResult result)
    {
        if (result.Rebuilt)
        {
            // A rebuild builds a new engine and never touches the old one.
            Engine = engine;
            return;
        }
        var (old, replacement) = Sides(change);
        engine.ReplacePolicy(replacement, old);
    }
}
