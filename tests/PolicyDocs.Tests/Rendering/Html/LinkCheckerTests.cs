using PolicyDocs.Output;
using PolicyDocs.Rendering.Html;
using Xunit;

namespace PolicyDocs.Tests.Rendering.Html;

public sealed class LinkCheckerTests
{
    private static OutputSet Site(params (string Path, string Html)[] pages)
    {
        var o = new OutputSet();
        foreach (var (p, h) in pages) o.AddText(p, h);
        return o;
    }

    [Fact]
    public void Accepts_links_to_existing_pages_anchors_and_external_urls()
    {
        var o = Site(
            ("index.html", "<a href=\"cp/index.html#section-1\">x</a><a href=\"cp/\">y</a><a href=\"https://example.test/nope\">z</a><a href=\"mailto:a@b\">m</a><img src=\"assets/a.png\"><a href=\"#top\">t</a><p id=\"top\"></p>"),
            ("cp/index.html", "<section id=\"section-1\"><a href=\"../index.html\">home</a><a href=\"#section-1\">self</a></section>"),
            ("assets/a.png", ""));
        Assert.Empty(LinkChecker.Find(o));
    }

    [Fact]
    public void Reports_a_missing_page_with_its_position()
    {
        var o = Site(("index.html", "<p>\n  <a href=\"cp/index.html\">x</a></p>"));
        var found = Assert.Single(LinkChecker.Find(o));
        Assert.Equal(("index.html", 2, 6), (found.Page, found.Line, found.Column));
        Assert.Contains("cp/index.html", found.Reason);
    }

    [Fact]
    public void A_dangling_link_is_located_at_the_source_of_its_page_and_named_a_bug_of_PolicyDocs()
    {
        var o = Site(("cp/index.html", "<a href=\"../gone/index.html\">x</a>"));
        var d = Assert.Single(LinkChecker.Check(o, page => new PolicyDocs.Model.SourceSpan(page == "cp/index.html" ? "cp.md" : "?", 1, 1), ownTemplates: false));
        Assert.Equal("PD0401", d.Code);
        Assert.Equal("cp.md:1:1", d.Span.ToString());
        Assert.Contains("bug in PolicyDocs", d.Message, StringComparison.Ordinal);
        var own = Assert.Single(LinkChecker.Check(o, _ => default, ownTemplates: true));
        Assert.Equal("templates/site/", own.Span.Path);
        Assert.DoesNotContain("bug", own.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_a_missing_anchor_on_another_page_and_on_the_same_page()
    {
        var o = Site(
            ("index.html", "<a href='cp/index.html#section-9'>x</a><a href=#nowhere>y</a>"),
            ("cp/index.html", "<section id=\"section-1\"></section>"));
        var found = LinkChecker.Find(o);
        Assert.Equal(["cp/index.html#section-9", "#nowhere"], found.Select(f => f.Href).ToArray());
    }

    [Fact]
    public void Ignores_markup_inside_scripts_and_comments_and_resolves_root_paths()
    {
        var o = Site(("a/b/index.html", "<!-- <a href=\"missing.html\"> --><script>var s = '<a href=\"gone.html\">';</script><a href=\"/site/a/b/index.html\">me</a><a href=\"../../a/b/\">me</a>"));
        Assert.Empty(LinkChecker.Find(o, "/site/"));
        Assert.Single(LinkChecker.Find(Site(("index.html", "<a href=\"../up.html\">x</a>"))));
    }
}
