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

    /// <summary>Asserts that no request left the site's origin.</summary>
    protected void NoRequestLeftTheSite() => Assert.Empty(_escaped);
}
