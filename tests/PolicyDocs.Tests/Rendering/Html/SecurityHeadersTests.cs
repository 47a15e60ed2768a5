using PolicyDocs.Pipeline;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Parser;
using PolicyDocs.Output;
using PolicyDocs.Compiling;
using PolicyDocs.Rendering.Html;
using PolicyDocs.Tests.Support;

namespace PolicyDocs.Tests.Rendering.Html;

/// <summary>The one definition of the site's headers: the policy, the <c>_headers</c> file build writes, the meta
/// policy in every page, and netlify.toml no longer repeating them.</summary>
public sealed class SecurityHeadersTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public void The_policy_allows_nothing_inline_and_nothing_from_other_origins()
    {
        Assert.Equal(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
            SecurityHeaders.ContentSecurityPolicy);
        Assert.DoesNotContain("unsafe", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("*", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("http", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public void The_meta_policy_is_the_header_policy_without_what_a_meta_element_may_not_hold()
    {
        Assert.Equal(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
            "object-src 'none'; base-uri 'self'; form-action 'self'",
            SecurityHeaders.MetaContentSecurityPolicy);
        foreach (var directive in SecurityHeaders.HeaderOnlyDirectives)
            Assert.DoesNotContain(directive, SecurityHeaders.MetaContentSecurityPolicy, StringComparison.Ordinal);
        // Written into a quoted attribute as is.
        Assert.Equal(-1, SecurityHeaders.MetaContentSecurityPolicy.IndexOfAny(['"', '&', '<', '>']));
    }

    [Fact]
    public void Every_response_carries_the_security_headers()
    {
        Assert.Equal(
            ["Content-Security-Policy", "Strict-Transport-Security", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options",
             "Permissions-Policy", "Cross-Origin-Opener-Policy"],
            SecurityHeaders.EveryResponse.Select(h => h.Name));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, SecurityHeaders.EveryResponse[0].Value);
        Assert.Equal(SecurityHeaders.EveryResponse, SecurityHeaders.For("/"));
    }

    [Theory]
    [InlineData("/", "")]
    [InlineData("/index.html", "public, max-age=0, must-revalidate")]
    [InlineData("/cp/versions/index.html", "public, max-age=0, must-revalidate")]
    [InlineData("/assets/site.1a2b3c4d.css", "public, max-age=31536000, immutable")]
    [InlineData("/downloads/cp-1.1.docx", "public, max-age=3600")]
    [InlineData("/feed.xml", "")]
    [InlineData("/sitemap.xml", "")]
    public void Paths_get_their_caching_rule(string path, string cache)
    {
        var headers = SecurityHeaders.For(path);
        Assert.Equal(SecurityHeaders.EveryResponse, headers.Take(SecurityHeaders.EveryResponse.Count));
        Assert.Equal(cache, headers.SingleOrDefault(h => h.Name == "Cache-Control")?.Value ?? "");
        Assert.Equal(path == "/feed.xml" ? "application/atom+xml; charset=utf-8" : "", headers.SingleOrDefault(h => h.Name == "Content-Type")?.Value ?? "");
    }

    [Fact]
    public void No_published_path_gets_a_header_twice()
    {
        // Netlify joins a header that two matching rules set into one comma-separated value.
        foreach (var (path, _) in site.Output.Files)
        {
            var names = SecurityHeaders.For("/" + path).Select(h => h.Name).ToList();
            Assert.True(names.Count == names.Distinct(StringComparer.OrdinalIgnoreCase).Count(), $"/{path}: {string.Join(", ", names)}");
        }
    }

    [Fact]
    public void Patterns_match_as_netlify_reads_them()
    {
        Assert.True(new HeaderRule("/*", []).Matches("/"));
        Assert.True(new HeaderRule("/*", []).Matches("/a/b/c.html"));
        Assert.True(new HeaderRule("/*.html", []).Matches("/cp/print/index.html"));
        Assert.False(new HeaderRule("/*.html", []).Matches("/cp/"));
        Assert.False(new HeaderRule("/assets/*", []).Matches("/downloads/assets/x"));
        Assert.True(new HeaderRule("/feed.xml", []).Matches("/feed.xml"));
        Assert.False(new HeaderRule("/feed.xml", []).Matches("/archive/feed.xml"));
        Assert.All(SecurityHeaders.Rules, r => Assert.True(r.Pattern.Count(c => c == '*') <= 1, r.Pattern));
    }

    [Fact]
    public void The_headers_file_matches_its_golden_copy() => Golden.AssertMatches("_headers", SecurityHeaders.NetlifyFile());

    [Fact]
    public void The_headers_file_lists_every_rule_in_netlify_syntax()
    {
        var text = SecurityHeaders.NetlifyFile();
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        var expected = new StringBuilder();
        foreach (var rule in SecurityHeaders.Rules)
        {
            expected.Append(rule.Pattern).Append('\n');
            foreach (var h in rule.Headers) expected.Append("  ").Append(h.Name).Append(": ").Append(h.Value).Append('\n');
        }
        var rules = string.Join('\n', text.Split('\n').Where(l => !l.StartsWith('#') && l.Length > 0)) + "\n";
        Assert.Equal(expected.ToString(), rules);
    }

    [Fact]
    public void The_build_publishes_the_headers_file_and_lists_it_in_sha256sums()
    {
        Assert.Equal(SecurityHeaders.NetlifyFile(), site.Text(SecurityHeaders.NetlifyPath));
        var sums = site.Text(Checksums.Path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(site.Output.Get(SecurityHeaders.NetlifyPath)!));
        Assert.Contains($"{hash}  {SecurityHeaders.NetlifyPath}\n", sums, StringComparison.Ordinal);
    }

    [Fact]
    public void The_written_site_holds_the_headers_file_and_sha256sums_lists_every_file_but_the_marker()
    {
        using var content = PolicySetBuilder.Valid().Write();
        using var output = new TempTree();
        var dir = output.PathOf("site");
        var (code, _, err) = Run.Cli("build", "--content", content.Root, "--output", dir);
        Assert.True(code == 0, err);
        Assert.Equal(SecurityHeaders.NetlifyFile(), File.ReadAllText(Path.Combine(dir, "_headers")));
        var listed = File.ReadAllLines(Path.Combine(dir, Checksums.Path)).Select(l => l.Split("  ", 2)).ToDictionary(p => p[1], p => p[0]);
        var onDisk = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/'))
            .Where(p => p != Checksums.Path && p != OutputTarget.MarkerName)
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(onDisk, listed.Keys.Order(StringComparer.Ordinal));
        foreach (var p in onDisk) Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, p)))), listed[p]);
    }

    [Fact]
    public void Netlify_toml_keeps_the_build_and_sets_no_headers()
    {
        var toml = File.ReadAllText(Path.Combine(Run.RepoRoot(), "netlify.toml"));
        var settings = toml.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.Contains("[build]", settings);
        Assert.Contains("publish = \"site\"", settings);
        Assert.DoesNotContain(settings, l => l.StartsWith("[[headers", StringComparison.Ordinal) || l.StartsWith("[headers", StringComparison.Ordinal));
        foreach (var name in SecurityHeaders.Rules.SelectMany(r => r.Headers).Select(h => h.Name).Distinct())
            Assert.DoesNotContain(settings, l => l.StartsWith(name, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("_headers", toml, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_page_carries_the_meta_policy_before_anything_it_loads()
    {
        var pages = site.Output.Files.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pages);
        foreach (var (path, bytes) in pages) AssertMetaPolicy(path, Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Every_page_of_the_sample_set_carries_the_meta_policy_and_nothing_the_policy_refuses()
    {
        using var sample = new SampleCopy();
        var compilation = PolicyCompiler.Compile(sample.Content);
        var build = SiteBuilder.Build(compilation.Published!, wordDownloads: false);
        var pages = build.Output.Files.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal)).ToList();
        // Every kind of page: documents, versions, print, roles, ceremonies, the matrix, 404.
        Assert.Contains(pages, p => p.Key.StartsWith("matrix/", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.Key.StartsWith("ceremonies/", StringComparison.Ordinal));
        foreach (var (path, bytes) in pages)
        {
            var html = Encoding.UTF8.GetString(bytes);
            AssertMetaPolicy(path, html);
            var doc = Parser.ParseDocument(html);
            foreach (var script in doc.QuerySelectorAll("script"))
            {
                Assert.True(script.TextContent.Trim().Length == 0, $"{path}: an inline script");
                Assert.Contains("assets/", script.GetAttribute("src") ?? "", StringComparison.Ordinal);
            }
            Assert.True(doc.QuerySelectorAll("style").Length == 0, $"{path}: a <style> element");
            foreach (var e in doc.All)
                foreach (var a in e.Attributes)
                {
                    Assert.False(a.Name.Equals("style", StringComparison.OrdinalIgnoreCase), $"{path}: a style attribute on <{e.LocalName}>");
                    Assert.False(a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{path}: an event handler on <{e.LocalName}>");
                    Assert.False(a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"{path}: a javascript: URL");
                }
            foreach (var link in doc.QuerySelectorAll("link[rel=stylesheet], img, script[src]"))
            {
                var url = link.GetAttribute("href") ?? link.GetAttribute("src") ?? "";
                Assert.False(url.Contains("//", StringComparison.Ordinal), $"{path}: loads {url} from another origin");
            }
        }
    }

    private static void AssertMetaPolicy(string path, string html)
    {
        var head = Parser.ParseDocument(html).Head!;
        var metas = head.QuerySelectorAll("meta[http-equiv='Content-Security-Policy' i]");
        Assert.True(metas.Length == 1, $"{path}: {metas.Length} meta policies");
        Assert.Equal(SecurityHeaders.MetaContentSecurityPolicy, metas[0].GetAttribute("content"));
        // A meta policy covers only what comes after it: nothing may load before it.
        var before = head.Children.TakeWhile(e => e != metas[0]).ToList();
        Assert.True(before.All(e => e.LocalName == "meta" && e.HasAttribute("charset")), $"{path}: {string.Join(", ", before.Select(e => e.LocalName))} before the policy");
    }
}
