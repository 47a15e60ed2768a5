using Microsoft.Playwright;
using PolicyDocs.Output;
using PolicyDocs.Pipeline;
using PolicyDocs.Rendering;
using PolicyDocs.Tests.Site;
using Xunit;

namespace PolicyDocs.Browser.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright, and the test policy set built into a temporary folder to open over
/// file://. Tests skip with a message when Chromium is not installed.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "policydocs-browser-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    /// <summary>The built site's folder.</summary>
    public string SiteDir => Path.Combine(_dir, "site");

    /// <summary>The content folder of the test policy set.</summary>
    public string ContentDir => Path.Combine(_dir, "content");

    /// <summary>file:// URL of a page of the built site.</summary>
    public string Url(string page) => new Uri(Path.Combine(SiteDir, page)).AbsoluteUri;

    /// <summary>axe-core's script, installed by npm into node/ beside the project; null when missing.</summary>
    public string? Axe { get; private set; }

    public async ValueTask InitializeAsync()
    {
        TestPolicySet.Write(ContentDir);
        var compilation = PolicyCompiler.Compile(ContentDir, new CompileOptions());
        if (compilation.ErrorCount > 0) throw new InvalidOperationException(string.Join("\n", compilation.Diagnostics));
        var build = SiteBuilder.Build(compilation);
        if (build.HasErrors) throw new InvalidOperationException(string.Join("\n", build.Diagnostics));
        OutputWriter.Write(build.Output, SiteDir);
        Axe = FindAxe();
        if (!File.Exists(ChromiumPath)) return;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    private static string? FindAxe()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "PolicyDocs.Browser.Tests", "node", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(candidate)) return File.ReadAllText(candidate);
        }
        return null;
    }

    /// <summary>The browser, or skips the test when Chromium is absent.</summary>
    public IBrowser RequireBrowser()
    {
        if (Browser is null) Assert.Skip($"Chromium is not installed at {ChromiumPath} (apt-get install -y chromium); browser tests skipped.");
        return Browser;
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

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}
