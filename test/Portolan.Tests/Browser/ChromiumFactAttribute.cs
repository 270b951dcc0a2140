namespace Portolan.Tests.Browser;

/// <summary>A fact that drives Debian's Chromium; skipped, with the reason, on a machine without it.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(Chromium.ExecutablePath))
            Skip = $"{Chromium.ExecutablePath} is absent (apt-get install -y chromium; .ci/run installs it)";
    }
}
