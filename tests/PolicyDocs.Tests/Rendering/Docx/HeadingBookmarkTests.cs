using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyDocs.Rendering.Docx;
using PolicyDocs.Rendering.Markdown;
using PolicyDocs.Tests.Support;
using PolicyDocs.Tests.Xrefs;

namespace PolicyDocs.Tests.Rendering.Docx;

/// <summary>In Word every heading has a bookmark, appendix sections are headings and contents entries, and links
/// written for GitHub are internal hyperlinks to those bookmarks; in the combined Markdown they are the file's own ids.</summary>
public sealed class HeadingBookmarkTests
{
    private static PolicyDocs.Compiling.Compilation Compile() => Support.Run.Compile(PolicySetBuilder.SingleFile("x.md", HeadingIdTests.Document(
        "[a](#c11-email-contact-property), [b](#steps-1), [c](#d-1-japan).")));

    [Fact]
    public void Links_to_heading_ids_are_hyperlinks_to_bookmarks_that_exist()
    {
        var c = Compile();
        Assert.True(c.ErrorCount == 0, c.Dump());
        using var word = WordprocessingDocument.Open(new MemoryStream(DocxRenderer.Render(c.Published!.Find("example-cps")!)), false);
        var body = word.MainDocumentPart!.Document!.Body!;
        var bookmarks = body.Descendants<BookmarkStart>().Select(b => b.Name!.Value!).ToHashSet();
        var anchors = body.Descendants<Hyperlink>().Select(h => h.Anchor?.Value).OfType<string>().ToList();
        Assert.All(anchors, a => Assert.Contains(a, bookmarks));
        Assert.Contains("_SApp_C_1_1", anchors);
        Assert.Contains("_A_steps_1", anchors);
        Assert.Contains("_SApp_D_1", anchors);
        Assert.Contains("_A_c11_email_contact_property", bookmarks);

        var heading = body.Elements<Paragraph>().Single(p => p.InnerText.StartsWith("C.1.1. Email", StringComparison.Ordinal));
        Assert.Equal("Heading3", heading.ParagraphProperties!.ParagraphStyleId!.Val!.Value);
        var toc = body.Elements<SdtBlock>().Single().InnerText;
        Assert.Contains("Appendix C – Contact Methods", toc, StringComparison.Ordinal);
        Assert.Contains("C.1.1.", toc, StringComparison.Ordinal);
    }

    [Fact]
    public void The_combined_Markdown_links_headings_by_its_own_GitHub_ids()
    {
        var c = Compile();
        var md = CombinedMarkdown.Render(c.Published!.Of(c.Published!.Set.Documents.Single()));
        Assert.Contains("\n### C.1.1. Email *Contact* Property\n", md, StringComparison.Ordinal);
        Assert.Contains("](#c11-email-contact-property)", md, StringComparison.Ordinal);
        Assert.Contains("](#steps-1)", md, StringComparison.Ordinal);
        Assert.Contains("](#d-1-japan)", md, StringComparison.Ordinal);
    }
}
