using Microsoft.Playwright;
using PolicyDocs.Cli.Serve;
using PolicyDocs.Tests.Support;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace PolicyDocs.Browser.Tests;

/// <summary><c>policydocs serve</c>: the page reloads after an edit, shows build errors, and recovers.</summary>
public sealed class ServeBrowserTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Serve_reloads_after_an_edit_and_overlays_errors_until_fixed()
    {
        fx.RequireBrowser();
        var dir = new TempTree();
        var content = TestPolicySet.Write(dir.Root);
        var text = dir.PathOf(PolicySetBuilder.FileFor("cp", "4.9.1"));
        var log = new StringWriter();
        await using var server = await PreviewServer.StartAsync(content, 0, TextWriter.Synchronized(log));
        var escaped = new List<string>();
        var origin = server.Address.GetLeftPart(UriPartial.Authority);
        await using var context = await fx.NewContextAsync(escaped, origin);
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, m) =>
        {
            if (SiteFixture.IsPolicyRefusal(m)) lock (refused) refused.Add(m.Text);
        };
        try
        {
            await page.GotoAsync(new Uri(server.Address, "cp/").AbsoluteUri);
            var section = page.Locator("#section-4\\.9\\.1");
            await Expect(section).ToContainTextAsync("within 24 hours");
            await page.WaitForFunctionAsync("() => document.querySelector('script[src=\"/__policydocs/livereload.js\"]') !== null");

            File.WriteAllText(text, File.ReadAllText(text).Replace("within 24 hours", "within 12 hours", StringComparison.Ordinal));
            await Expect(section).ToContainTextAsync("within 12 hours", new() { Timeout = 15_000 });

            File.WriteAllText(text, File.ReadAllText(text).Replace("within 12 hours", "within 12 hours [[term:NoSuchTerm]]", StringComparison.Ordinal));
            var overlay = page.Locator("#policydocs-overlay");
            await Expect(overlay).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Expect(overlay).ToContainTextAsync("PD0201");
            await Expect(overlay).ToHaveCSSAsync("position", "fixed"); // overlay.css loaded under style-src 'self'
            await Expect(section).ToContainTextAsync("within 12 hours");

            File.WriteAllText(text, File.ReadAllText(text).Replace("within 12 hours [[term:NoSuchTerm]]", "within 6 hours", StringComparison.Ordinal));
            await Expect(section).ToContainTextAsync("within 6 hours", new() { Timeout = 15_000 });
            await Expect(overlay).ToHaveCountAsync(0);
            Assert.Empty(escaped);
            lock (refused) Assert.True(refused.Count == 0, "the policy refused what live reload does: " + string.Join("\n", refused));
            // The header and the meta policy both hold: an inline script is refused.
            Assert.False(await SiteFixture.InlineScriptRunsAsync(page), "an inline script ran under serve");
            Assert.Contains("PD0201", log.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            dir.Dispose();
        }
    }
}
