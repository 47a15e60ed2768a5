using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyDocs.Benchmarks;
using PolicyDocs.Rendering.Docx;
using Xunit;

namespace PolicyDocs.Tests.Rendering.Docx;

public sealed class DocxStructureTests : IDisposable
{
    private readonly DocxTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    private (PolicyDocs.Compiling.Compilation Compilation, byte[] Docx) RenderSynthetic(bool draft = true)
    {
        var c = DocxTestKit.Compile(Support.PolicySetBuilder.SingleFile("CP-CPS.md", SyntheticPolicySet.Generate(1, draft)).WriteTo(_kit.Root));
        return (c, DocxRenderer.Render(c.Published!.Of(c.Published!.Set.Documents[0])));
    }

    [Fact]
    public void FullRfc3647DocumentIsValidAndPassesTheWordRules()
    {
        var (_, docx) = RenderSynthetic();
        var problems = DocxTestKit.Problems(docx);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EverySectionHasOneBookmarkedHeadingWithItsNumberAsText()
    {
        var (c, docx) = RenderSynthetic();
        var doc = c.Published!.Set.Documents[0];
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = word.MainDocumentPart!.Document!.Body!;
        var headings = body.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(270, doc.AllSections.Length);
        Assert.Equal(doc.AllSections.Length, headings.Count);
        for (var i = 0; i < headings.Count; i++)
        {
            var s = doc.AllSections[i];
            Assert.Equal(s.DisplayTitle, headings[i].InnerText);
            Assert.Equal("Heading" + s.Depth, headings[i].ParagraphProperties!.ParagraphStyleId!.Val!.Value);
            Assert.Equal(s.Depth - 1, headings[i].ParagraphProperties!.OutlineLevel!.Val!.Value);
            Assert.Equal(DocxNames.SectionBookmark(s), headings[i].GetFirstChild<BookmarkStart>()!.Name!.Value);
        }
    }

    [Fact]
    public void EveryInternalLinkLandsOnABookmarkAndUsesTheSiteText()
    {
        var (c, docx) = RenderSynthetic();
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = word.MainDocumentPart!.Document!.Body!;
        var names = body.Descendants<BookmarkStart>().Select(b => b.Name!.Value).ToHashSet();
        var links = body.Descendants<Hyperlink>().Where(h => h.Anchor is not null).ToList();
        Assert.True(links.Count > 500, $"only {links.Count} internal links");
        Assert.All(links, l => Assert.Contains(l.Anchor!.Value!, names));
        // Cross-reference text is the resolver's text, as on the site.
        var s = c.Published!.Set.Documents[0].Find("4.9.1")!;
        Assert.Contains(links, l => l.Anchor!.Value == "_S4_9_1" && l.InnerText == $"Section 4.9.1 ({s.Title})");
        Assert.Contains(body.Descendants<BookmarkStart>(), b => b.Name!.Value == "_A_anchor_4");
    }

    [Fact]
    public void HeadingsInsideASectionHaveTheOutlineLevelsDirectlyBelowItsHeading()
    {
        // Section 4.9.3 has Heading3 (outline level 2); its headings come at levels 4 and 5 as on the site and in the
        // combined Markdown, the level the author skipped left out: the heading styles of those levels, so that Word's
        // navigation pane shows them below their section.
        var c = Support.Run.Compile(Support.PolicySetBuilder.Valid("cp", "cps")
            .Body("cps", "4.9.3", "#### Steps\n\nDo this.\n\n###### Checks\n\nCheck that.\n\n#### Records\n\nKeep them."));
        Assert.True(c.ErrorCount == 0, Support.Run.Dump(c));
        using var word = WordprocessingDocument.Open(new MemoryStream(DocxRenderer.Render(c.Published!.Find("cps")!)), false);
        var subheadings = word.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Where(p => p.InnerText is "Steps" or "Checks" or "Records")
            .Select(p => (p.InnerText, p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, p.ParagraphProperties!.OutlineLevel?.Val?.Value)).ToList();
        Assert.Equal(new (string, string?, int?)[] { ("Steps", "Heading4", 3), ("Checks", "Heading5", 4), ("Records", "Heading4", 3) }, subheadings);
    }

    [Fact]
    public void TableOfContentsIsAFieldWithLinkedEntriesAndNoPageNumbers()
    {
        var (c, docx) = RenderSynthetic();
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var sdt = word.MainDocumentPart!.Document!.Body!.Elements<SdtBlock>().Single();
        Assert.Equal("Table of Contents", sdt.Descendants<DocPartGallery>().Single().Val!.Value);
        // The heading styles only: headings inside sections have outline levels but are not entries (no \\u).
        Assert.Equal(" TOC \\o \"1-3\" \\h \\z ", sdt.Descendants<FieldCode>().First().Text);
        Assert.True(sdt.Descendants<FieldChar>().First().Dirty!.Value);
        var entries = sdt.Descendants<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("TOC", StringComparison.Ordinal) == true
                                                             && p.ParagraphProperties.ParagraphStyleId.Val.Value != "TOCHeading").ToList();
        var sections = c.Published!.Set.Documents[0].AllSections;
        Assert.Equal(sections.Length, entries.Count);
        // Each entry is its heading's text linked to its bookmark, and nothing else: no page number is cached, since
        // none is known before layout; Word fills them in when it updates the field on opening.
        for (var i = 0; i < entries.Count; i++)
        {
            var link = entries[i].Elements<Hyperlink>().Single();
            Assert.Equal(DocxNames.SectionBookmark(sections[i]), link.Anchor!.Value);
            Assert.Equal(sections[i].DisplayTitle, link.InnerText);
            Assert.Equal(sections[i].DisplayTitle, string.Concat(entries[i].Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text)));
        }
        Assert.DoesNotContain(sdt.Descendants<FieldCode>(), f => f.Text.Contains("PAGEREF", StringComparison.Ordinal));
        Assert.Empty(sdt.Descendants<TabChar>());
        Assert.True(word.MainDocumentPart.DocumentSettingsPart!.Settings!.GetFirstChild<UpdateFieldsOnOpen>()!.Val!.Value);
    }

    [Fact]
    public void ListsTablesFootnotesAndNoStipulationUseWordConstructs()
    {
        var (_, docx) = RenderSynthetic();
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var main = word.MainDocumentPart!;
        var body = main.Document!.Body!;
        var numbered = body.Descendants<NumberingProperties>().ToList();
        Assert.Contains(numbered, n => n.NumberingLevelReference!.Val!.Value == 1);
        Assert.True(main.NumberingDefinitionsPart!.Numbering!.Elements<NumberingInstance>().Count() > 50);
        Assert.Contains(body.Descendants<TableRow>(), r => r.TableRowProperties?.GetFirstChild<TableHeader>() is not null);
        Assert.True(main.FootnotesPart!.Footnotes!.Elements<Footnote>().Count() > 10);
        Assert.Contains(body.Descendants<Paragraph>(), p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "NoStipulation" && p.InnerText == "No stipulation.");
        Assert.Contains(body.Descendants<Paragraph>(), p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "SourceCode");
        Assert.Contains(body.Descendants<Run>(), r => r.RunProperties?.Strike is not null);
        Assert.Contains(main.HyperlinkRelationships, r => r.Id == "rIdLink1" && r.Uri.ToString() == "https://www.rfc-editor.org/rfc/rfc3647");
    }

    [Fact]
    public void HeaderFooterPropertiesAndWatermarkFollowTheDocument()
    {
        var (_, draft) = RenderSynthetic(draft: true);
        var (_, approved) = RenderSynthetic(draft: false);
        using (var word = WordprocessingDocument.Open(new MemoryStream(draft), false))
        {
            var header = DocxTestKit.Header(word, HeaderFooterValues.Default);
            Assert.Contains("Example CP/CPS \u00B7 Version 2.1 \u00B7 DRAFT", header.InnerText, StringComparison.Ordinal);
            Assert.Contains("string=\"DRAFT\"", header.OuterXml, StringComparison.Ordinal);
            // The cover has its own header and footer, with no text; a draft's cover keeps the watermark.
            Assert.NotNull(word.MainDocumentPart!.Document!.Body!.GetFirstChild<SectionProperties>()!.GetFirstChild<TitlePage>());
            var coverHeader = DocxTestKit.Header(word, HeaderFooterValues.First);
            Assert.Equal("", coverHeader.InnerText);
            Assert.Contains("string=\"DRAFT\"", coverHeader.OuterXml, StringComparison.Ordinal);
            Assert.Equal("", DocxTestKit.Footer(word, HeaderFooterValues.First).InnerText);
            var footer = DocxTestKit.Footer(word, HeaderFooterValues.Default);
            Assert.Equal([" PAGE ", " NUMPAGES "], footer.Descendants<SimpleField>().Select(f => f.Instruction!.Value!));
            Assert.StartsWith("Page 1 of ", footer.InnerText, StringComparison.Ordinal);
            var custom = word.CustomFilePropertiesPart!.Properties!.Elements<DocumentFormat.OpenXml.CustomProperties.CustomDocumentProperty>()
                .ToDictionary(p => p.Name!.Value!, p => p.InnerText);
            Assert.Equal("2.1", custom["Version"]);
            Assert.Equal("2024-05-01", custom["EffectiveDate"]);
            Assert.Equal("1.3.6.1.4.1.99999.1.1", custom["PolicyOID"]);
            var history = word.MainDocumentPart.Document!.Body!.Elements<Table>().ElementAt(1);
            Assert.Equal(4, history.Elements<TableRow>().Count());
            Assert.Contains("Restructured to RFC 3647.", history.InnerText, StringComparison.Ordinal);
        }
        using (var word = WordprocessingDocument.Open(new MemoryStream(approved), false))
            Assert.All(word.MainDocumentPart!.HeaderParts, h => Assert.DoesNotContain("DRAFT", h.Header!.OuterXml, StringComparison.Ordinal));
        var entries = Entries(draft);
        Assert.Equal("[Content_Types].xml", entries[0].Name);
        Assert.Contains(entries, e => e.Name == "docProps/core.xml");
        Assert.All(entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.Time.DateTime));
    }

    [Fact]
    public void TwoRendersAreByteIdentical()
    {
        var (c, first) = RenderSynthetic();
        var again = DocxTestKit.Compile(c.Published!.Set.Root.EndsWith(".md", StringComparison.Ordinal) ? c.Published!.Set.Root : Path.Combine(_kit.Root, "CP-CPS.md"));
        var second = DocxRenderer.Render(again.Published!.Of(again.Published!.Set.Documents[0]));
        Assert.Equal(first, second);
    }

    [Fact]
    public void BuildWritesADownloadPerDocumentOfAFolderSet()
    {
        SmallSet.WriteFolder(_kit);
        var c = DocxTestKit.Compile(_kit.Root);
        var output = new PolicyDocs.Output.OutputSet();
        DocxRenderer.RenderAll(c.Published!, output);
        foreach (var doc in c.Published!.Set.Documents)
        {
            var bytes = output.Get(DocxNames.DownloadPath(doc.Info));
            Assert.NotNull(bytes);
            Assert.True(DocxTestKit.Problems(bytes).Count == 0, string.Join("\n", DocxTestKit.Problems(bytes)));
        }
        Assert.Equal("downloads/cps-1.1.docx", DocxNames.DownloadPath(c.Published!.Set.Find("cps")!.Info));
        using var cps = WordprocessingDocument.Open(new MemoryStream(output.Get("downloads/cps-1.1.docx")!), false);
        Assert.Contains(cps.MainDocumentPart!.HyperlinkRelationships, r => r.Uri.ToString() == "cp-1.0.docx");
        Assert.Contains(cps.MainDocumentPart.Document!.Body!.Descendants<Hyperlink>(), h => h.InnerText == "CP Section 4.9.1 (Circumstances for revocation)");
    }

    private static List<(string Name, DateTimeOffset Time)> Entries(byte[] zip)
    {
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        return [.. archive.Entries.Select(e => (e.FullName, e.LastWriteTime))];
    }
}
