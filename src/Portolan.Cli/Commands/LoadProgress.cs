using System.Diagnostics;

namespace Portolan.Cli.Commands;

/// <summary>
/// "loading: 412/1001 files" on one rewritten stderr line, only on a terminal and only once loading
/// has taken more than a second (issue 4); cleared when loading ends.
/// </summary>
public sealed class LoadProgress(TextWriter stderr)
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private long _lastDraw = -1;
    private bool _drawn;

    public void Report(int done, int total)
    {
        if (_watch.ElapsedMilliseconds < 1000) return;
        lock (_lock)
        {
            var tenth = _watch.ElapsedMilliseconds / 100;
            if (tenth == _lastDraw && done < total) return;
            _lastDraw = tenth;
            stderr.Write($"\rloading: {done}/{total} files");
            stderr.Flush();
            _drawn = true;
        }
    }

    public void Finish()
    {
        lock (_lock)
        {
            if (!_drawn) return;
            stderr.Write("\r\u001b[K");
            stderr.Flush();
        }
    }
}
