using PolicyDocs.Pipeline;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PolicyDocs.Compiling;
using Xunit;

using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Rendering.Html;

public sealed partial class SiteRendererTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly HtmlParser Parser = new();

    private IDocument Page(string path) => Parser.ParseDocument(site.Text(path));

    [Fact]
    public void Build_has_no_dangling_links()
    {
        Assert.Empty(site.Build.Diagnostics);
    }

    [Fact]
    public void Produces_every_page_and_feed()
    {
        foreach (var path in new[] { "index.html", "cp/index.html", "cps/index.html", "cp/versions/index.html", "cp/print/index.html",
                     "cps/print/index.html", "404.html", "sitemap.xml", "feed.xml", "robots.txt", "downloads/cp-1.1.md", "downloads/cps-0.9.md" })
            Assert.True(site.Output.Contains(path), path);
    }

    [Fact]
    public void Assets_are_fingerprinted_from_their_content()
    {
        var assets = site.Output.Files.Where(f => f.Key.StartsWith("assets/", StringComparison.Ordinal)).ToList();
        Assert.Contains(assets, f => FingerprintRegex().IsMatch(f.Key) && f.Key.StartsWith("assets/site.", StringComparison.Ordinal) && f.Key.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(assets, f => f.Key.StartsWith("assets/search-index.", StringComparison.Ordinal));
        foreach (var (path, bytes) in assets)
        {
            var m = FingerprintRegex().Match(path);
            Assert.True(m.Success, path);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes))[..8], m.Groups[1].Value);
        }
    }

    [Fact]
    public void Pages_have_no_inline_scripts_or_external_resources()
    {
        foreach (var (path, _) in site.Output.Files.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal)))
        {
            var doc = Page(path);
            foreach (var script in doc.QuerySelectorAll("script"))
            {
                Assert.False(string.IsNullOrEmpty(script.GetAttribute("src")), $"inline script on {path}");
                Assert.True(string.IsNullOrWhiteSpace(script.TextContent), $"inline script on {path}");
            }
            Assert.Empty(doc.QuerySelectorAll("[style]"));
            if (path == "cp/index.html") Assert.NotNull(doc.QuerySelector("#section-7\\.1 td.align-right"));
            foreach (var el in doc.QuerySelectorAll("script[src], link[href][rel=stylesheet], img[src]"))
                Assert.DoesNotContain("//", el.GetAttribute("src") ?? el.GetAttribute("href"));
        }
    }

    [Fact]
    public void Home_lists_documents_authority_hierarchy_changes_and_downloads()
    {
        var home = Page("index.html");
        var cards = home.QuerySelectorAll(".doc-card");
        Assert.Equal(2, cards.Length);
        Assert.Contains("1.3.6.1.4.1.99999.1.1", cards[0].TextContent);
        Assert.Contains("2026-03-01", cards[0].TextContent);
        Assert.Contains("approved", cards[0].TextContent);
        Assert.Contains("Example Issuing CA", cards[0].TextContent);
        Assert.Contains("draft", cards[1].TextContent);
        Assert.NotNull(home.QuerySelector("a[href='https://example.test/report/']"));
        Assert.NotNull(home.QuerySelector("a[href='mailto:pa@example.test']"));
        var issuing = home.QuerySelector("#ca-root #ca-issuing");
        Assert.NotNull(issuing);
        var changes = home.QuerySelectorAll(".changes li").Select(li => li.QuerySelector("time")!.TextContent).ToList();
        Assert.Equal(["2026-09-01", "2026-03-01", "2025-06-01"], changes);
        var md = home.QuerySelector("a[href='downloads/cp-1.1.md']");
        Assert.NotNull(md);
        var hash = Convert.ToHexStringLower(SHA256.HashData(site.Output.Get("downloads/cp-1.1.md")!));
        Assert.Contains(hash, home.QuerySelector(".downloads")!.TextContent);
        Assert.NotNull(home.QuerySelector("a[href='downloads/cp-1.1.docx']"));
    }

    [Fact]
    public void Home_page_shows_the_hash_and_size_of_the_word_files_rendered_beside_it()
    {
        var docx = site.Output.Get("downloads/cp-1.1.docx")!;
        var row = Page("index.html").QuerySelectorAll(".downloads tr").Single(tr => tr.QuerySelector("a[href='downloads/cp-1.1.docx']") is not null);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(docx)), row.QuerySelector("code.hash")!.TextContent);
        Assert.Equal((docx.Length / 1024.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " KB", row.QuerySelectorAll("td")[2].TextContent);
        Assert.NotNull(Page("cp/index.html").QuerySelector("a[href='../downloads/cp-1.1.docx'][download]"));
    }

    [Fact]
    public void Document_page_numbers_sections_with_permalinks_and_contents()
    {
        var doc = Page("cp/index.html");
        var section = doc.GetElementById("section-4.9.1");
        Assert.NotNull(section);
        var heading = section.QuerySelector("h4")!;
        Assert.Equal("4.9.1", heading.QuerySelector(".section-number")!.TextContent);
        Assert.Equal("#section-4.9.1", heading.QuerySelector("a.permalink")!.GetAttribute("href"));
        Assert.NotNull(doc.QuerySelector(".sidebar .toc a[href='#section-4.9.1']"));
        Assert.Equal(doc.QuerySelectorAll("section.section").Length, doc.QuerySelectorAll(".sidebar .toc a[data-anchor]").Length);
        var nav = section.QuerySelector(":scope > .section-nav")!;
        Assert.Equal("#section-4.9", nav.QuerySelector("a.prev")!.GetAttribute("href"));
        Assert.Equal("#section-4.9.2", nav.QuerySelector("a.next")!.GetAttribute("href"));
        Assert.Contains("4.9.2", section.QuerySelector(":scope > .backlinks")!.TextContent);
    }

    [Fact]
    public void Glossary_terms_carry_an_accessible_tooltip()
    {
        var doc = Page("cp/index.html");
        var term = doc.QuerySelector("#section-4\\.9\\.1 .term a.xref-term")!;
        Assert.Equal("#term-hsm", term.GetAttribute("href"));
        var tip = doc.GetElementById(term.GetAttribute("aria-describedby")!)!;
        Assert.Equal("tooltip", tip.GetAttribute("role"));
        Assert.Contains("tamper-resistant", tip.TextContent);
        var ids = doc.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void No_stipulation_sections_are_set_apart_and_collapsible()
    {
        var doc = Page("cp/index.html");
        var s = doc.GetElementById("section-4.9.3")!;
        Assert.Contains("no-stipulation", s.ClassList);
        Assert.NotNull(s.QuerySelector(":scope > details.nostip-details"));
        Assert.DoesNotContain("no-stipulation", doc.GetElementById("section-4.9.1")!.ClassList);
    }

    [Fact]
    public void Draft_is_bannered_and_cps_shows_its_cas()
    {
        var cps = Page("cps/index.html");
        Assert.Contains("DRAFT", cps.QuerySelector(".draft-banner")!.TextContent);
        Assert.Null(Page("cp/index.html").QuerySelector(".draft-banner"));
        var applies = cps.QuerySelector(".applies-to")!;
        Assert.Contains("2 CAs", applies.TextContent);
        Assert.Equal(["../index.html#ca-root", "../index.html#ca-issuing"], applies.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").ToArray());
        Assert.NotNull(cps.QuerySelector("#section-4\\.9\\.1 a[href='../cp/index.html#section-4.9.1']"));
    }

    [Fact]
    public void Version_archive_gives_effective_ranges()
    {
        var page = Page("cp/versions/index.html");
        var rows = page.QuerySelectorAll("tr[data-version]").ToDictionary(r => r.GetAttribute("data-version")!);
        Assert.Equal("2025-06-01", rows["1.0"].GetAttribute("data-from"));
        Assert.Equal("2026-03-01", rows["1.0"].GetAttribute("data-until"));
        Assert.Contains("2026-02-28", rows["1.0"].TextContent);
        Assert.Equal("2026-03-01", rows["1.1"].GetAttribute("data-from"));
        Assert.Null(rows["1.1"].GetAttribute("data-until"));
        Assert.NotNull(page.QuerySelector("input[type=date]#in-effect-date"));
        var draft = Page("cps/versions/index.html").QuerySelector("tr[data-version='0.9']")!;
        Assert.Null(draft.GetAttribute("data-from"));
    }

    [Fact]
    public void Print_view_has_every_section_and_no_navigation()
    {
        var page = Page("cp/print/index.html");
        Assert.Null(page.QuerySelector(".site-header"));
        Assert.Null(page.QuerySelector(".sidebar"));
        Assert.Null(page.QuerySelector(".section-nav"));
        Assert.Equal(Page("cp/index.html").QuerySelectorAll("section.section").Length, page.QuerySelectorAll("section.section").Length);
        Assert.NotNull(page.QuerySelector(".print-toc a[href='#section-4.9.1']"));
    }

    [Fact]
    public void Canonical_og_sitemap_and_feed_use_base_url_and_content_dates()
    {
        var home = Page("index.html");
        Assert.Equal("https://pki.example.test/", home.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("https://pki.example.test/cp/", Page("cp/index.html").QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.Equal("https://pki.example.test/cp/", Page("cp/print/index.html").QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Null(Page("404.html").QuerySelector("link[rel=canonical]"));
        var sitemap = site.Text("sitemap.xml");
        Assert.Contains("<loc>https://pki.example.test/cp/</loc><lastmod>2026-03-01</lastmod>", sitemap);
        var feed = System.Xml.Linq.XDocument.Parse(site.Text("feed.xml"));
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(3, feed.Root!.Elements(atom + "entry").Count());
        Assert.Equal("2026-09-01T00:00:00Z", feed.Root.Element(atom + "updated")!.Value);
        Assert.Contains("Sitemap: https://pki.example.test/sitemap.xml", site.Text("robots.txt"));
    }

    [Fact]
    public void Without_base_url_there_is_no_canonical_nor_sitemap()
    {
        var build = SiteBuilder.Build(Support.Run.Compile(TestPolicySet.Builder(baseUrl: null)).Published!);
        Assert.Empty(build.Diagnostics);
        Assert.False(build.Output.Contains("sitemap.xml"));
        var home = Parser.ParseDocument(System.Text.Encoding.UTF8.GetString(build.Output.Get("index.html")!));
        Assert.Null(home.QuerySelector("link[rel=canonical]"));
        Assert.Null(home.QuerySelector("meta[property^='og:']"));
    }

    [Fact]
    public void Search_index_holds_section_numbers_titles_and_text()
    {
        var path = site.Output.Files.Single(f => f.Key.StartsWith("assets/search-index.", StringComparison.Ordinal)).Key;
        var script = site.Text(path);
        Assert.StartsWith("window.PolicyDocsSearch=", script, StringComparison.Ordinal);
        var json = System.Text.Json.JsonDocument.Parse(script["window.PolicyDocsSearch=".Length..].TrimEnd().TrimEnd(';'));
        var entries = json.RootElement.GetProperty("s").EnumerateArray().ToList();
        var e = entries.Single(x => x[0].GetInt32() == 0 && x[1].GetString() == "4.9.1");
        Assert.Equal("section-4.9.1", e[3].GetString());
        Assert.Contains("revokes a certificate within 24 hours", e[4].GetString());
        Assert.DoesNotContain("tamper-resistant", e[4].GetString());
        Assert.Equal("../" + path, Page("cp/index.html").GetElementById("search-input")!.GetAttribute("data-index"));
    }

    [Fact]
    public void Combined_markdown_has_front_matter_and_numbered_headings()
    {
        var md = site.Text("downloads/cp-1.1.md");
        Assert.StartsWith("---\nid: \"cp\"\nkind: \"cp\"\n", md, StringComparison.Ordinal);
        Assert.Contains("\nversion: \"1.1\"\neffective_date: 2026-03-01\n", md);
        Assert.Contains("\n# 1. Introduction\n", md, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\n### 4.9.1 Circumstances for revocation\n\nThe Issuing CA revokes", md);
    }

    [Fact]
    public void Build_is_deterministic()
    {
        var again = SiteBuilder.Build(site.Compilation.Published!).Output.Files;
        var first = site.Output.Files;
        Assert.Equal(first.Select(f => f.Key), again.Select(f => f.Key));
        for (var i = 0; i < first.Count; i++) Assert.True(first[i].Value.AsSpan().SequenceEqual(again[i].Value), first[i].Key);
    }

    [GeneratedRegex(@"\.([0-9a-f]{8})\.[a-z]+$")]
    private static partial Regex FingerprintRegex();
}
