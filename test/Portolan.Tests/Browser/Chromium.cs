using Microsoft.Playwright;

namespace Portolan.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (its own browser download does not work here), headless,
/// with a fresh profile and the background services that would dial out switched off: the machine's
/// network is closed and the page must not need it. Launched once per test class.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private string? _profile;
    private IPlaywright? _playwright;
    private IBrowserContext? _context;

    public IBrowserContext Context => _context ?? throw new InvalidOperationException("Chromium is not running");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath)) return;
        _profile = Directory.CreateTempSubdirectory("portolan-chromium-").FullName;
        _playwright = await Playwright.CreateAsync();
        _context = await _playwright.Chromium.LaunchPersistentContextAsync(_profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            ViewportSize = new ViewportSize { Width = 1440, Height = 860 },
        });
    }

    /// <summary>Opens a page file and waits until its script has drawn; script errors and console errors are collected.</summary>
    public async Task<(IPage Page, List<string> Errors)> OpenAsync(string file)
    {
        var page = await Context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.Dialog += (_, dialog) => errors.Add($"dialog: {dialog.Message}");
        await page.GotoAsync(new Uri(file).AbsoluteUri);
        await page.WaitForSelectorAsync("body[data-ready=true]");
        return (page, errors);
    }

    public async Task DisposeAsync()
    {
        if (_context is not null) await _context.CloseAsync();
        _playwright?.Dispose();
        if (_profile is not null) Directory.Delete(_profile, recursive: true);
    }
}
