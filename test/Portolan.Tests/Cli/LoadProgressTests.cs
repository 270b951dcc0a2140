using Portolan.Cli.Commands;

namespace Portolan.Tests.Cli;

/// <summary>Progress is drawn only after a second, on one rewritten line, and erased at the end.</summary>
public sealed class LoadProgressTests
{
    [Fact]
    public void Nothing_is_drawn_for_a_load_under_a_second()
    {
        var stderr = new StringWriter();
        var progress = new LoadProgress(stderr);
        progress.Report(1, 2);
        progress.Report(2, 2);
        progress.Finish();
        Assert.Equal("", stderr.ToString());
    }

    [Fact]
    public void A_slow_load_draws_counts_and_clears_the_line()
    {
        var stderr = new StringWriter();
        var progress = new LoadProgress(stderr);
        Thread.Sleep(1100);
        progress.Report(5, 10);
        progress.Report(10, 10);
        progress.Finish();
        var text = stderr.ToString();
        Assert.Contains("\rloading: 10/10 files", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\u001b[K", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Redirected_stderr_gets_no_progress()
    {
        var result = Support.CliRunner.Run("list", Support.Paths.Examples);
        Assert.DoesNotContain("loading:", result.Stderr, StringComparison.Ordinal);
    }
}
