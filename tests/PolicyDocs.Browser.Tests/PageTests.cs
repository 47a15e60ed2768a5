using Microsoft.Playwright;
using Xunit;

namespace PolicyDocs.Browser.Tests;

/// <summary>
/// One browser context and page per test over a built site, recording any request that tries to leave the
/// page's origin (the site must work offline).
/// </summary>
public abstract class PageTests<TFixture>(TFixture fx) : IAsyncLifetime where TFixture : SiteFixture
{
    private readonly List<string> _escaped = [];
    private readonly List<string> _refused = [];
    private IBrowserContext? _context;

    /// <summary>The site fixture.</summary>
    protected TFixture Fx { get; } = fx;

    /// <summary>The test's browser context (null when Chromium is missing).</summary>
    protected IBrowserContext? Context => _context;

    /// <summary>The test's page.</summary>
    protected IPage Page { get; private set; } = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        if (Fx.Browser is null) return;
        _context = await Fx.NewContextAsync(_escaped);
        Page = await _context.NewPageAsync();
        Page.Console += (_, m) =>
        {
            if (SiteFixture.IsPolicyRefusal(m)) lock (_refused) _refused.Add(m.Text);
        };
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_context is not null) await _context.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Opens a page of the site (skips the test when Chromium is missing).</summary>
    protected async Task OpenAsync(string page)
    {
        Fx.RequireBrowser();
        await Page.GotoAsync(Fx.Url(page));
    }

    /// <summary>Loads axe-core into the page. It is evaluated through the browser's debugging protocol, which the
    /// page's Content-Security-Policy does not govern: an inline script tag would be refused, as the policy intends.</summary>
    protected async Task InjectAxeAsync(string axe)
    {
        await Page.EvaluateAsync(axe);
        Assert.True(await Page.EvaluateAsync<bool>("() => typeof window.axe === 'object' && typeof window.axe.run === 'function'"), "axe-core did not load");
    }

    /// <summary>Asserts that no request left the site's origin and that the page's Content-Security-Policy refused
    /// nothing the site itself does.</summary>
    protected void NoRequestLeftTheSite()
    {
        Assert.Empty(_escaped);
        NothingWasRefused();
    }

    /// <summary>Asserts that the page's Content-Security-Policy refused nothing so far.</summary>
    protected void NothingWasRefused()
    {
        lock (_refused) Assert.True(_refused.Count == 0, string.Join("\n", _refused));
    }
}
