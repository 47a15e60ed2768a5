using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace PolicyDocs.Browser.Tests;

/// <summary>
/// The repository's sample policy set as published: every internal link resolves, the recommendations matrix
/// filters, the roles and ceremony pages render and print, pages pass axe, and the downloads exist.
/// </summary>
public sealed partial class SampleSiteBrowserTests(SampleSiteFixture fx) : PageTests<SampleSiteFixture>(fx), IClassFixture<SampleSiteFixture>
{
    private const string Ceremony = "ceremonies/issuing-ca-key-generation/index.html";
    private sealed record PageLinks(string[] Ids, string[][] Links);

    [Fact]
    public async Task Every_internal_link_and_anchor_of_every_page_resolves()
    {
        Fx.RequireBrowser();
        var root = new Uri(Fx.SiteDir + Path.DirectorySeparatorChar);
        var pages = Directory.EnumerateFiles(Fx.SiteDir, "*.html", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Fx.SiteDir, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Contains("matrix/index.html", pages);
        Assert.Contains(Ceremony, pages);
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var links = new List<(string Page, string Href, string Url)>();
        foreach (var page in pages)
        {
            await Page.GotoAsync(Fx.Url(page), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            var json = await Page.EvaluateAsync<string>("""
                () => JSON.stringify({
                  ids: Array.from(document.querySelectorAll('[id], a[name]'), e => e.id || e.getAttribute('name')),
                  links: Array.from(document.querySelectorAll('a[href], area[href], link[href], script[src], img[src], source[src], [data-index]'), e => {
                    const raw = e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('data-index');
                    return [raw, new URL(raw, document.baseURI).href];
                  })
                })
                """);
            var found = JsonSerializer.Deserialize<PageLinks>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
            ids[page] = [.. found.Ids];
            links.AddRange(found.Links.Select(l => (page, l[0], l[1])));
            NoRequestLeftTheSite();
        }

        var broken = new List<string>();
        var checkedLinks = 0;
        foreach (var (page, href, url) in links)
        {
            var target = url;
            // 404.html is served at any depth, so it links the site from its root ("/assets/...").
            if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal))
                target = new Uri(root, href.TrimStart('/')).AbsoluteUri;
            if (!target.StartsWith("file://", StringComparison.Ordinal)) continue;
            checkedLinks++;
            var uri = new Uri(target);
            var path = Uri.UnescapeDataString(uri.AbsolutePath);
            if (path.EndsWith('/')) path += "index.html";
            if (!path.StartsWith(Fx.SiteDir + "/", StringComparison.Ordinal))
            {
                broken.Add($"{page}: {href} leaves the site");
                continue;
            }
            if (!File.Exists(path))
            {
                broken.Add($"{page}: {href} (no file {Path.GetRelativePath(Fx.SiteDir, path)})");
                continue;
            }
            var fragment = Uri.UnescapeDataString(uri.Fragment.TrimStart('#'));
            if (fragment.Length == 0) continue;
            var targetPage = Path.GetRelativePath(Fx.SiteDir, path).Replace(Path.DirectorySeparatorChar, '/');
            if (!ids.TryGetValue(targetPage, out var targetIds) || !targetIds.Contains(fragment))
                broken.Add($"{page}: {href} (no id \"{fragment}\" in {targetPage})");
        }
        Assert.True(broken.Count == 0, $"{broken.Count} broken internal links:\n" + string.Join("\n", broken.Distinct().Take(50)));
        Assert.True(checkedLinks > 1000, $"only {checkedLinks} internal links were found on {pages.Count} pages");
    }

    private ILocator Rows => Page.Locator("#matrix tr.rec");

    private ILocator VisibleRows => Page.Locator("#matrix tr.rec:visible");

    private async Task<int> CountAsync(string selector) => await Page.Locator(selector).CountAsync();

    private async Task SelectFilterAsync(string name, string value)
    {
        await Page.SelectOptionAsync($"#matrix-filters select[name='{name}']", value);
    }

    [Fact]
    public async Task Matrix_filters_hide_and_show_rows_and_shows_coverage()
    {
        await OpenAsync("matrix/index.html");
        var total = await Rows.CountAsync();
        Assert.True(total > 20, $"matrix has only {total} rows");
        await Expect(VisibleRows).ToHaveCountAsync(total);
        await Expect(Page.Locator("#matrix-shown")).ToHaveTextAsync($"{total} recommendations");

        // Coverage: one row per CA with the applicable count and an addressed percentage.
        var coverage = Page.Locator(".matrix-coverage tbody tr[data-ca]");
        await Expect(coverage).ToHaveCountAsync(2);
        await Expect(coverage.First).ToBeVisibleAsync();
        await Expect(coverage.First).ToContainTextAsync(new Regex(@"\d+ \(\d+%\)"));
        await Expect(coverage.First.Locator("td").Nth(1)).ToHaveTextAsync(total.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Level: Medium keeps only recommendations that apply from Medium upwards.
        var medium = await CountAsync("#matrix tr.rec[data-level='0']");
        Assert.InRange(medium, 1, total - 1);
        await SelectFilterAsync("level", "0");
        await Expect(VisibleRows).ToHaveCountAsync(medium);
        await Expect(Page.Locator("#rec-HIER-01")).ToBeVisibleAsync();
        await Expect(Page.Locator("#rec-HIER-02")).ToBeHiddenAsync();
        await Expect(Page.Locator("#matrix-shown")).ToHaveTextAsync($"{medium} recommendations");
        await SelectFilterAsync("level", "1");
        await Expect(VisibleRows).ToHaveCountAsync(await CountAsync("#matrix tr.rec:is([data-level='0'], [data-level='1'])"));
        await Expect(Page.Locator("#rec-HIER-02")).ToBeVisibleAsync();
        await Expect(Page.Locator("#rec-HIER-05")).ToBeHiddenAsync();
        await SelectFilterAsync("level", "");
        await Expect(VisibleRows).ToHaveCountAsync(total);

        // Chapter: only that chapter's rows and heading remain.
        var physical = await CountAsync("#matrix tr.rec[data-chapter='physical-security']");
        await SelectFilterAsync("chapter", "physical-security");
        await Expect(VisibleRows).ToHaveCountAsync(physical);
        await Expect(Page.Locator("#rec-PHYS-01")).ToBeVisibleAsync();
        await Expect(Page.Locator("#rec-HIER-01")).ToBeHiddenAsync();
        await Expect(Page.Locator("#matrix tbody[data-chapter='planning-a-ca-hierarchy']")).ToBeHiddenAsync();
        await SelectFilterAsync("chapter", "");

        // Kind.
        var strategic = await CountAsync("#matrix tr.rec[data-kind='strategic']");
        Assert.InRange(strategic, 1, total - 1);
        await SelectFilterAsync("kind", "strategic");
        await Expect(VisibleRows).ToHaveCountAsync(strategic);
        await Expect(Page.Locator("#rec-HIER-01")).ToBeVisibleAsync();
        await Expect(Page.Locator("#rec-HIER-03")).ToBeHiddenAsync();
        await SelectFilterAsync("kind", "");

        // Status, combined with a level: both filters hold at once.
        var planned = await CountAsync("#matrix tr.rec[data-status='planned']");
        await SelectFilterAsync("status", "planned");
        await Expect(VisibleRows).ToHaveCountAsync(planned);
        await Expect(Page.Locator("#rec-PROC-13")).ToBeVisibleAsync();
        await Expect(Page.Locator("#rec-HIER-01")).ToBeHiddenAsync();
        await SelectFilterAsync("level", "1");
        await Expect(VisibleRows).ToHaveCountAsync(await CountAsync("#matrix tr.rec[data-status='planned']:is([data-level='0'], [data-level='1'])"));
        await Expect(Page.Locator("#rec-PROC-13")).ToBeHiddenAsync();
        await SelectFilterAsync("level", "");
        await SelectFilterAsync("status", "");
        await Expect(VisibleRows).ToHaveCountAsync(total);

        // CA: rows of recommendations for that CA stay; the other CA's column and coverage row go.
        var forRoot = await CountAsync("#matrix tr.rec[data-cas~='root']");
        await SelectFilterAsync("ca", "root");
        await Expect(VisibleRows).ToHaveCountAsync(forRoot);
        await Expect(Page.Locator("#matrix thead th[data-ca='issuing']")).ToBeHiddenAsync();
        await Expect(Page.Locator("#rec-HIER-01 td[data-ca='issuing']")).ToBeHiddenAsync();
        await Expect(Page.Locator("#rec-HIER-01 td[data-ca='root']")).ToBeVisibleAsync();
        await Expect(Page.Locator(".matrix-coverage tr[data-ca='issuing']")).ToBeHiddenAsync();
        await Expect(Page.Locator(".matrix-coverage tr[data-ca='root']")).ToBeVisibleAsync();
        await SelectFilterAsync("ca", "");
        await Expect(Page.Locator("#matrix thead th[data-ca='issuing']")).ToBeVisibleAsync();
        NoRequestLeftTheSite();
    }

    [Fact]
    public async Task Roles_page_shows_the_task_role_matrix_and_every_role()
    {
        await OpenAsync("roles/index.html");
        await Expect(Page.Locator("h1")).ToHaveTextAsync("Trusted roles and multi-party control");
        var matrix = Page.Locator("table.roles-matrix");
        await Expect(matrix).ToBeVisibleAsync();
        Assert.True(await matrix.Locator("tbody tr").CountAsync() >= 5);
        await Expect(Page.Locator("#task-ca-key-generation .min-persons")).ToHaveTextAsync("3");
        var roleLinks = matrix.Locator("thead a[href^='#role-']");
        Assert.True(await roleLinks.CountAsync() >= 5);
        await roleLinks.First.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("#role-ca-administrator$"));
        await Expect(Page.Locator("#role-ca-administrator")).ToBeInViewportAsync();
        NoRequestLeftTheSite();
    }

    [Theory]
    [InlineData("ceremonies/root-ca-key-generation/index.html", "root-ca-key-generation")]
    [InlineData(Ceremony, "issuing-ca-key-generation")]
    public async Task Ceremony_page_renders_phases_and_steps(string page, string id)
    {
        await OpenAsync(page);
        await Expect(Page.Locator("h1")).ToContainTextAsync(id);
        Assert.True(await Page.Locator("section.phase").CountAsync() >= 2);
        await Expect(Page.Locator("section.phase h2").First).ToBeVisibleAsync();
        Assert.True(await Page.Locator("tr.step").CountAsync() >= 5);
        await Expect(Page.Locator(".ceremony-roles a[href*='roles/index.html#role-']").First).ToBeVisibleAsync();
        await Expect(Page.Locator(".site-header")).ToBeVisibleAsync();
        NoRequestLeftTheSite();
    }

    [Fact]
    public async Task Ceremony_prints_as_a_paper_script_with_a_page_per_phase()
    {
        await OpenAsync(Ceremony);
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(Page.Locator(".site-header")).ToBeHiddenAsync();
        await Expect(Page.Locator(".site-nav")).ToBeHiddenAsync();
        await Expect(Page.Locator(".site-footer")).ToBeHiddenAsync();
        var breaks = await Page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('section.phase'), s => getComputedStyle(s).breakBefore)");
        Assert.True(breaks.Length >= 2, "no phases");
        Assert.All(breaks, b => Assert.Equal("page", b));
        var boxes = Page.Locator("tr.step td.box.operator-initials");
        Assert.True(await boxes.CountAsync() >= 5);
        await Expect(boxes.First).ToBeVisibleAsync();
        await Expect(Page.Locator("tr.step td.box.witness-initials").Last).ToBeVisibleAsync();
        var border = await boxes.First.EvaluateAsync<string>("b => { const s = getComputedStyle(b); return s.borderTopStyle + ' ' + s.borderTopWidth; }");
        Assert.StartsWith("solid", border, StringComparison.Ordinal);
        var box = await boxes.First.BoundingBoxAsync();
        Assert.True(box is { Height: >= 20, Width: >= 40 }, $"initials box too small to write in: {box?.Width}x{box?.Height}");

        var pdf = await Page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(pdf, 0, 4), StringComparison.Ordinal);
        var pages = PdfPage().Matches(Encoding.Latin1.GetString(pdf)).Count;
        Assert.True(pages > breaks.Length, $"the printed script has {pages} pages for {breaks.Length} phases");
        NoRequestLeftTheSite();
    }

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PdfPage();

    [Theory]
    [InlineData("index.html")]
    [InlineData("cps/index.html")]
    [InlineData("cps/versions/index.html")]
    [InlineData("cps/print/index.html")]
    [InlineData("matrix/index.html")]
    [InlineData("roles/index.html")]
    [InlineData(Ceremony)]
    [InlineData("404.html")]
    public async Task Opened_from_a_file_the_page_runs_its_own_scripts_and_refuses_inline_ones(string page)
    {
        Fx.RequireBrowser();
        await Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await OpenAsync(page);
        var csp = Page.Locator("meta[http-equiv='Content-Security-Policy']");
        await Expect(csp).ToHaveCountAsync(1);
        Assert.DoesNotContain("unsafe-inline", await csp.GetAttributeAsync("content") ?? "unsafe-inline", StringComparison.Ordinal);
        // site.js ran (it marks the theme button pressed in dark mode); the 404 page links its assets from the site's
        // root, which a file:// URL does not have.
        if (page != "404.html" && await Page.Locator(".theme-toggle").CountAsync() > 0)
            await Expect(Page.Locator(".theme-toggle")).ToHaveAttributeAsync("aria-pressed", "true");
        if (page != "404.html") NothingWasRefused();
        Assert.False(await SiteFixture.InlineScriptRunsAsync(Page), $"{page}: an inline script ran");
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("cps/index.html")]
    [InlineData("matrix/index.html")]
    [InlineData("roles/index.html")]
    [InlineData(Ceremony)]
    public async Task Axe_finds_no_violations(string page)
    {
        Fx.RequireBrowser();
        var axe = Fx.RequireAxe();
        await OpenAsync(page);
        await InjectAxeAsync(axe);
        var json = await Page.EvaluateAsync<string>(
            "async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')))");
        var violations = JsonSerializer.Deserialize<string[]>(json)!;
        Assert.True(violations.Length == 0, $"{page}:\n" + string.Join("\n", violations));
        NoRequestLeftTheSite();
    }

    [Fact]
    public async Task Home_page_links_the_Word_and_Markdown_downloads_of_every_document()
    {
        await OpenAsync("index.html");
        foreach (var doc in new[] { "cp", "cps" })
        {
            foreach (var (ext, label) in new[] { ("docx", "Word (DOCX)"), ("md", "Markdown") })
            {
                var link = Page.Locator($"a[href^='downloads/{doc}-'][href$='.{ext}']");
                await Expect(link).ToHaveCountAsync(1);
                await Expect(link).ToHaveTextAsync(label);
                var href = (await link.GetAttributeAsync("href"))!;
                var file = Path.Combine(Fx.SiteDir, href);
                Assert.True(File.Exists(file), $"{href} is linked but missing");
                var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
                Assert.True(bytes.Length > 1000, $"{href} has only {bytes.Length} bytes");
                if (ext == "docx") Assert.Equal("PK", Encoding.ASCII.GetString(bytes, 0, 2));
                else Assert.Contains("# 1", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
                // The hash shown beside the link is the file's.
                var hash = await link.Locator("xpath=ancestor::tr//code[contains(@class,'hash')]").TextContentAsync();
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), hash);
            }
        }
        NoRequestLeftTheSite();
    }
}
