using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace PolicyDocs.Browser.Tests;

/// <summary>The built site in Chromium over file://: navigation, search, permalinks, theme, print and accessibility.</summary>
public sealed partial class SiteBrowserTests(BrowserFixture fx) : PageTests<BrowserFixture>(fx), IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Home_to_document_to_section_through_the_sidebar()
    {
        await OpenAsync("index.html");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Example Certificate Policy" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(CpPage());
        var link = Page.Locator(".sidebar .toc a[data-anchor='section-4.9.1']");
        await link.ClickAsync();
        await Expect(Page).ToHaveURLAsync(HashRegex("section-4.9.1"));
        await Expect(Page.Locator("#section-4\\.9\\.1 > h4")).ToBeInViewportAsync();
        await Expect(link).ToHaveAttributeAsync("aria-current", "location");
        await Expect(Page.Locator(".sidebar .toc a.active")).ToHaveCountAsync(1);
        NoRequestLeftTheSite();
    }

    [Fact]
    public async Task Search_finds_words_as_you_type_with_highlighted_snippets()
    {
        await OpenAsync("index.html");
        await Page.Keyboard.PressAsync("/");
        await Expect(Page.Locator("#search-input")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("revocation");
        var results = Page.Locator("#search-results a.search-result");
        await Expect(results.First).ToBeVisibleAsync();
        await Expect(Page.Locator("#search-results")).ToContainTextAsync("4.9.1");
        await Expect(Page.Locator("#search-results mark").First).ToHaveTextAsync(new Regex("^revocation$", RegexOptions.IgnoreCase));
        await results.Filter(new() { HasText = "4.9.1" }).First.ClickAsync();
        await Expect(Page).ToHaveURLAsync(HashRegex("section-4.9.1"));
        NoRequestLeftTheSite();
    }

    [Fact]
    public async Task Typing_a_section_number_jumps_to_it()
    {
        await OpenAsync("cp/index.html");
        await Page.FillAsync("#search-input", "6.2.1");
        await Expect(Page.Locator("#search-results a.search-result").First).ToContainTextAsync("6.2.1");
        await Page.PressAsync("#search-input", "Enter");
        await Expect(Page).ToHaveURLAsync(HashRegex("section-6.2.1"));
        await Expect(Page.Locator("#section-6\\.2\\.1 > h4")).ToBeInViewportAsync();
        NoRequestLeftTheSite();
    }

    [Fact]
    public async Task Permalinks_point_at_their_section_and_open_there()
    {
        await OpenAsync("cp/index.html");
        var permalink = Page.Locator("#section-4\\.9\\.2 > h4 a.permalink");
        await permalink.FocusAsync();
        await Expect(permalink).ToBeVisibleAsync();
        await permalink.ClickAsync();
        await Expect(Page).ToHaveURLAsync(HashRegex("section-4.9.2"));
        var fresh = await Context!.NewPageAsync();
        await fresh.GotoAsync(Fx.Url("cp/index.html") + "#section-9.6.3");
        await Expect(fresh.Locator("#section-9\\.6\\.3 > h4")).ToBeInViewportAsync();
        NoRequestLeftTheSite();
    }

    [Fact]
    public async Task Term_definition_shows_on_keyboard_focus()
    {
        await OpenAsync("cp/index.html");
        var term = Page.Locator("#section-4\\.9\\.1 .term a").First;
        var tip = Page.Locator($"[id='{await term.GetAttributeAsync("aria-describedby")}']");
        await Expect(tip).ToBeHiddenAsync();
        await term.FocusAsync();
        await Expect(tip).ToBeVisibleAsync();
        await Expect(tip).ToContainTextAsync("tamper-resistant");
        await Page.Keyboard.PressAsync("Escape");
        await Expect(tip).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Dark_mode_toggle_persists_across_reload()
    {
        await OpenAsync("index.html");
        var html = Page.Locator("html");
        var light = await Page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        await Page.ClickAsync(".theme-toggle");
        await Expect(html).ToHaveAttributeAsync("data-theme", "dark");
        await Page.ReloadAsync();
        await Expect(html).ToHaveAttributeAsync("data-theme", "dark");
        await Expect(Page.Locator(".theme-toggle")).ToHaveAttributeAsync("aria-pressed", "true");
        var dark = await Page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        Assert.NotEqual(light, dark);
        await Page.ClickAsync(".theme-toggle");
        await Page.ReloadAsync();
        await Expect(html).ToHaveAttributeAsync("data-theme", "light");
    }

    [Fact]
    public async Task Print_media_hides_navigation()
    {
        await OpenAsync("cp/index.html");
        await Expect(Page.Locator(".sidebar")).ToBeVisibleAsync();
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(Page.Locator(".sidebar")).ToBeHiddenAsync();
        await Expect(Page.Locator(".site-header")).ToBeHiddenAsync();
        await Expect(Page.Locator(".section-nav").First).ToBeHiddenAsync();
        await Expect(Page.Locator("#section-4\\.9\\.1")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Version_archive_answers_which_version_was_in_effect()
    {
        await OpenAsync("cp/versions/index.html");
        await Page.FillAsync("#in-effect-date", "2025-12-31");
        await Expect(Page.Locator("#in-effect-result")).ToContainTextAsync("version 1.0 was in effect");
        await Page.FillAsync("#in-effect-date", "2026-03-01");
        await Expect(Page.Locator("#in-effect-result")).ToContainTextAsync("version 1.1 was in effect");
        await Page.FillAsync("#in-effect-date", "2020-01-01");
        await Expect(Page.Locator("#in-effect-result")).ToContainTextAsync("No version");
    }

    [Theory]
    [InlineData("index.html", null, false)]
    [InlineData("cp/index.html", null, false)]
    [InlineData("cps/index.html", null, true)]
    [InlineData("cps/versions/index.html", null, false)]
    [InlineData("cp/print/index.html", null, false)]
    [InlineData("index.html", "revocation", false)]
    [InlineData("cp/index.html", "revocation", true)]
    public async Task Axe_finds_no_violations(string page, string? search, bool dark)
    {
        Fx.RequireBrowser();
        if (Fx.Axe is null) Assert.Skip("axe-core is not installed: npm install --prefix tests/PolicyDocs.Browser.Tests/node axe-core@4");
        if (dark) await Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await OpenAsync(page);
        if (search is not null)
        {
            await Page.FillAsync("#search-input", search);
            await Expect(Page.Locator("#search-results a.search-result").First).ToBeVisibleAsync();
        }
        await InjectAxeAsync(Fx.Axe);
        var json = await Page.EvaluateAsync<string>(
            "async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')))");
        var violations = JsonSerializer.Deserialize<string[]>(json)!;
        Assert.True(violations.Length == 0, string.Join("\n", violations));
        NoRequestLeftTheSite();
    }

    private Regex CpPage() => new(Regex.Escape(Fx.Url("cp/index.html")) + "$");

    private static Regex HashRegex(string anchor) => new("#" + Regex.Escape(anchor) + "$");
}
