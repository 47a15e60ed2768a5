using Microsoft.Playwright;
using Xunit;

namespace PolicyDocs.Browser.Tests;

/// <summary>
/// A built site in a temporary folder, opened over file:// in Debian's Chromium driven by Playwright. Derived
/// fixtures say which policy set to build. Tests skip with a message when Chromium is not installed.
/// </summary>
public abstract class SiteFixture : IAsyncLifetime
{
    /// <summary>Where Debian installs Chromium.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    /// <summary>The temporary folder holding the site (and whatever else the fixture writes).</summary>
    protected string Dir { get; } = Path.Combine(Path.GetTempPath(), "policydocs-browser-" + Guid.NewGuid().ToString("N"));

    /// <summary>The browser; null when Chromium is not installed.</summary>
    public IBrowser? Browser { get; private set; }

    /// <summary>The built site's folder.</summary>
    public string SiteDir => Path.Combine(Dir, "site");

    /// <summary>file:// URL of a page of the built site.</summary>
    public string Url(string page) => new Uri(Path.Combine(SiteDir, page)).AbsoluteUri;

    /// <summary>axe-core's script, installed by npm into node/ beside the project; null when missing.</summary>
    public string? Axe { get; private set; }

    /// <summary>The repository root (the folder holding PolicyDocs.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Writes the site into <see cref="SiteDir"/>.</summary>
    protected abstract void BuildSite();

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        BuildSite();
        var axe = Path.Combine(RepoRoot, "tests", "PolicyDocs.Browser.Tests", "node", "node_modules", "axe-core", "axe.min.js");
        Axe = File.Exists(axe) ? await File.ReadAllTextAsync(axe) : null;
        if (!File.Exists(ChromiumPath)) return;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PolicyDocs.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("PolicyDocs.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The browser, or skips the test when Chromium is absent.</summary>
    public IBrowser RequireBrowser()
    {
        if (Browser is null) Assert.Skip($"Chromium is not installed at {ChromiumPath} (apt-get install -y chromium); browser tests skipped.");
        return Browser;
    }

    /// <summary>axe-core's script, or skips the test when it is not installed.</summary>
    public string RequireAxe()
    {
        if (Axe is null) Assert.Skip("axe-core is not installed: npm install --prefix tests/PolicyDocs.Browser.Tests/node axe-core@4");
        return Axe;
    }

    /// <summary>A fresh browser context whose requests may not leave <paramref name="origins"/> (file:// always allowed);
    /// every other request is aborted and recorded in <paramref name="escaped"/>.</summary>
    public async Task<IBrowserContext> NewContextAsync(List<string> escaped, params string[] origins)
    {
        var context = await RequireBrowser().NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(10_000);
        await context.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (url.StartsWith("file://", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal) ||
                origins.Any(o => url.StartsWith(o, StringComparison.Ordinal)))
            {
                await route.ContinueAsync();
                return;
            }
            lock (escaped) escaped.Add(url);
            await route.AbortAsync();
        });
        return context;
    }

    /// <summary>True when a console message is the browser refusing something under a Content-Security-Policy.</summary>
    public static bool IsPolicyRefusal(IConsoleMessage message) =>
        message.Text.Contains("Content Security Policy", StringComparison.Ordinal);

    /// <summary>Adds an inline script to the open page and says whether it ran (false when the page's policy refused it).</summary>
    public static Task<bool> InlineScriptRunsAsync(IPage page) => page.EvaluateAsync<bool>(
        "() => { window.__inlineRan = false; const s = document.createElement('script'); s.textContent = 'window.__inlineRan = true;'; " +
        "document.head.appendChild(s); return window.__inlineRan; }");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        try { Directory.Delete(Dir, true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}
