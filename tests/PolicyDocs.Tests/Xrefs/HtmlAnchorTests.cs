using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyDocs.Markdown;
using PolicyDocs.Rendering.Docx;
using PolicyDocs.Tests.Rendering.Docx;
using PolicyDocs.Tests.Support;
using PolicyDocs.Text;
using PolicyDocs.Xrefs;

namespace PolicyDocs.Tests.Xrefs;

/// <summary>Bare HTML anchors (&lt;a id="x"&gt;&lt;/a&gt;) as GitHub keeps them: link targets, no raw HTML, no section text.</summary>
public sealed class HtmlAnchorTests
{
    private static PolicyDocs.Compiling.Compilation Compile(PolicySetBuilder builder)
    {
        using var tree = new TempTree();
        builder.WriteTo(tree);
        return Run.Compile(tree.Root);
    }

    [Theory]
    [InlineData("<a id=\"notice\">", "notice")]
    [InlineData("<a name='notice'>", "notice")]
    [InlineData("<A ID=notice/>", "notice")]
    [InlineData("<a name=\"n\" id=\"i\">", "i")]
    [InlineData("<a href=\"#x\" id=\"i\">", null)]
    [InlineData("<abbr id=\"i\">", null)]
    [InlineData("<a>", null)]
    public void BareAnchorsAreRecognisedByTheirIdOrName(string tag, string? id) => Assert.Equal(id, HtmlAnchor.IdOf(tag));

    [Fact]
    public void LinksToAnAnchorResolveWithoutRawHtmlWarnings()
    {
        var c = Run.Compile(PolicySetBuilder.Valid()
            .Body("cp", "4.9.3", "<a id=\"notice\"></a>\n\nRequests are accepted by letter. <a name=\"late\"></a>Late ones too.")
            .Body("cp", "4.9.2", "See [the notice](#notice) and [late requests](#late)."));
        Assert.True(c.Diagnostics.Count == 0, c.Dump());
        var body = c.Published!.Set.Find("cp")!.Find("4.9.2")!.Body!;
        var links = body.Descendants<LinkInline>().Select(l => c.Published.Xrefs.Resolve(l)!).ToList();
        Assert.Equal([("notice", "4.9.3"), ("late", "4.9.3")], links.Select(t => (t.Anchor, t.SectionNumber)));
        Assert.All(links, t => Assert.Equal(XrefKind.Anchor, t.Kind));
    }

    [Fact]
    public void ASectionWithOnlyAnAnchorIsBlankAndNoStipulationWithAnAnchorIsTheStatement()
    {
        var c = Run.Compile(PolicySetBuilder.Valid()
            .Body("cp", "4.9.3", "<a id=\"next-part\"></a>")
            .Body("cp", "4.9.4", "No stipulation.\n\n<a id=\"grace\"></a>"));
        var blank = Assert.Single(c.Of("PD0105"));
        Assert.Contains("4.9.3", blank.Message, StringComparison.Ordinal);
        Assert.Empty(c.Of("PD0106"));
        Assert.True(c.Published!.Set.Find("cp")!.Find("4.9.4")!.IsNoStipulation);
    }

    [Fact]
    public void ARepeatedIdIsReportedOnceAndTheFirstIsTheTarget()
    {
        var c = Run.Compile(PolicySetBuilder.Valid()
            .Body("cp", "4.9.3", "<a id=\"dup\"></a>First.")
            .Body("cp", "4.9.4", "<a id=\"dup\"></a>Second. <a id=\"dup\"></a>Third.")
            .Body("cp", "4.9.2", "See [it](#dup)."));
        var repeat = Assert.Single(c.Of("PD0206"));
        Assert.Contains("section 4.9.3", repeat.Message, StringComparison.Ordinal);
        var link = c.Published!.Set.Find("cp")!.Find("4.9.2")!.Body!.Descendants<LinkInline>().Single();
        Assert.Equal("4.9.3", c.Published.Xrefs.Resolve(link)!.SectionNumber);
    }

    [Fact]
    public void WordHasABookmarkForTheAnchorAndNoTagText()
    {
        var c = Run.Compile(PolicySetBuilder.Valid()
            .Body("cp", "4.9.3", "<a id=\"notice\"></a>\n\nRequests. <a id=\"inline\"></a>More.")
            .Body("cp", "4.9.2", "See [the notice](#notice) and [more](#inline)."));
        var xml = DocxTestKit.DocumentXml(DocxRenderer.Render(c.Published!.Of(c.Published.Set.Find("cp")!)));
        var w = DocxTestKit.W;
        var bookmarks = xml.Descendants(w + "bookmarkStart").Select(b => (string)b.Attribute(w + "name")!).ToHashSet();
        var anchors = xml.Descendants(w + "hyperlink").Select(h => (string?)h.Attribute(w + "anchor")).OfType<string>().ToList();
        foreach (var id in new[] { "notice", "inline" })
        {
            Assert.Contains(DocxNames.AnchorBookmark(id), bookmarks);
            Assert.Contains(DocxNames.AnchorBookmark(id), anchors);
        }
        Assert.DoesNotContain("<a ", string.Concat(xml.Descendants(w + "t").Select(t => t.Value)), StringComparison.Ordinal);
        Assert.DoesNotContain("</a>", string.Concat(xml.Descendants(w + "t").Select(t => t.Value)), StringComparison.Ordinal);
    }
}
