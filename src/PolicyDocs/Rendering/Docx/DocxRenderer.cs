using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig.Syntax;
using PolicyDocs.Model;
using PolicyDocs.Output;
using PolicyDocs.Publication;

namespace PolicyDocs.Rendering.Docx;

using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

/// <summary>
/// Writes each policy document as a Word document from the resolved model: cover, document history, a table of
/// contents (entries without page numbers, which Word fills in), numbered headings with section bookmarks, the section
/// bodies, headers and footers (none on the cover). Paper size and language come from policyset.yaml. The package is
/// deterministic: fixed part and relationship ids, dates from the content, normalised zip.
/// </summary>
internal static class DocxRenderer
{
    /// <summary>Adds <c>downloads/&lt;id&gt;-&lt;version&gt;.docx</c> for every document of <paramref name="published"/>, and
    /// <c>downloads/ceremony-&lt;id&gt;.docx</c> for every key ceremony; the reference document is read once for all.</summary>
    public static void RenderAll(PublishedSet published, OutputSet output)
    {
        var reference = ReferenceDocument.Load(published.Templates);
        RenderDocuments(published, output, reference);
        RenderCeremonies(published, output, reference);
    }

    /// <summary>Adds the Word document of every policy document of <paramref name="published"/>.</summary>
    internal static void RenderDocuments(PublishedSet published, OutputSet output, ReferenceDocument reference) =>
        Parallel.ForEach(published.Documents, doc =>
            output.Add(DocxNames.DownloadPath(doc.Document.Info), Render(doc, reference, null)));

    /// <summary>Adds the Word script of every key ceremony of <paramref name="published"/>.</summary>
    internal static void RenderCeremonies(PublishedSet published, OutputSet output, ReferenceDocument reference)
    {
        foreach (var ceremony in published.Set.Ceremonies)
            output.Add(CeremonyDocx.DownloadPath(ceremony.Id), CeremonyDocx.Render(published.Set, ceremony, reference));
    }

    /// <summary>
    /// Pays the Open XML SDK's one-off first-use cost (type and schema initialisation, the built-in reference
    /// document) on whatever thread calls it: <c>build</c> runs it on the idle core while the content compiles.
    /// Produces nothing and changes no output.
    /// </summary>
    public static void WarmUp()
    {
        var reference = ReferenceDocument.Load(new Templates.TemplateStore(null));
        var p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Normal" }), new Run(new Text("warm-up")));
        var body = new Body(p, new Table(new TableRow(new TableCell(new Paragraph()))));
        var package = new DocxPackage();
        var main = package.Add(package.Root, "rId1", DocxPackage.OfficeRelationships + "officeDocument", "word/document.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
        main.Element = new Document(body);
        package.Add(main, "rIdStyles", DocxPackage.OfficeRelationships + "styles", "word/styles.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml").Element = reference.Styles.CloneNode(true);
        _ = package.ToBytes();
    }

    /// <summary>Renders one document to the bytes of a .docx file.</summary>
    public static byte[] Render(PublishedDocument document) =>
        Render(document, ReferenceDocument.Load(document.Set.Templates), null);

    /// <summary>Renders one document; <paramref name="composer"/>, when given, writes the sections and finishes the package.</summary>
    internal static byte[] Render(PublishedDocument published, ReferenceDocument reference, IDocxComposer? composer)
    {
        var set = published.Set.Set;
        var document = published.Document;
        reference = reference.WithPage(set.Info.Page);
        var package = new DocxPackage();
        const string Wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
        const string Rel = DocxPackage.OfficeRelationships;
        var main = package.Add(package.Root, "rId1", Rel + "officeDocument", "word/document.xml", Wml + "document.main+xml");
        DocxProperties.Add(package, document.Info, set.Info);
        var context = new DocxContext(published, reference, main) { Images = new DocxImages(package) };
        var sections = published.ReadingOrder.ToList();
        if (sections.Exists(s => s.Body?.Descendants<Markdig.Extensions.Footnotes.FootnoteLink>().Any() == true) || composer?.NeedsFootnotes == true)
            context.FootnotesPart = package.Add(main, "rIdFootnotes", Rel + "footnotes", "word/footnotes.xml", Wml + "footnotes+xml");
        var body = new Body();
        var appendix = set.Info.Matrix.DocxAppendix && DocxMatrixAppendix.Applies(published.Set.Matrix, document.Id);

        Cover(body, published.Cover);
        History(body, published, reference);
        Toc(body, sections, appendix, context);
        if (composer is not null) composer.Sections(body, sections, context);
        else
        {
            var writer = new DocxBodyWriter(context);
            var blocks = new List<OpenXmlElement>();
            // The text before section 1 of a single-file document, as the site shows it before the sections.
            if (published.Preamble?.Body is { } preamble)
            {
                writer.WriteBody(preamble, 0, false, blocks);
                body.Append(blocks);
                blocks.Clear();
            }
            foreach (var section in sections)
            {
                blocks.Clear();
                blocks.Add(Heading(section, context));
                if (section.Body is not null) writer.WriteBody(section.Body, HeadingLevel(section), section.IsNoStipulation, blocks);
                body.Append(blocks);
            }
        }
        if (appendix) DocxMatrixAppendix.Append(body, published.Set.Matrix, context);

        package.Add(main, "rIdStyles", Rel + "styles", "word/styles.xml", Wml + "styles+xml").Element = reference.StylesFor(document.Info.Language ?? set.Info.Language);
        package.Add(main, "rIdNumbering", Rel + "numbering", "word/numbering.xml", Wml + "numbering+xml").Element = context.Numbering.Build();
        // A variant (the redline) tracks changes: there Word would record its own refresh of the contents on opening
        // as the reviewer's tracked change, so it is not asked to refresh it.
        var settings = Settings(context.FootnotesPart is not null, updateFieldsOnOpen: composer is null);
        package.Add(main, "rIdSettings", Rel + "settings", "word/settings.xml", Wml + "settings+xml").Element = settings;
        if (reference.Fonts is not null)
            package.Add(main, "rIdFontTable", Rel + "fontTable", "word/fontTable.xml", Wml + "fontTable+xml").Element = reference.Fonts.CloneNode(true);
        if (context.FootnotesPart is not null) context.FootnotesPart.Element = Footnotes(context.FootnoteBodies);
        var header = DocxHeaderFooter.Header(document.Info);
        package.Add(main, "rIdHeader1", Rel + "header", "word/header1.xml", Wml + "header+xml").Element = header;
        package.Add(main, "rIdFooter1", Rel + "footer", "word/footer1.xml", Wml + "footer+xml").Element = DocxHeaderFooter.Footer();
        // The cover page has its own header and footer, empty (a draft's keeps its watermark).
        package.Add(main, "rIdHeader2", Rel + "header", "word/header2.xml", Wml + "header+xml").Element = DocxHeaderFooter.FirstPageHeader(document.Info);
        package.Add(main, "rIdFooter2", Rel + "footer", "word/footer2.xml", Wml + "footer+xml").Element = DocxHeaderFooter.FirstPageFooter();

        body.Append(new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = "rIdHeader1" },
            new FooterReference { Type = HeaderFooterValues.Default, Id = "rIdFooter1" },
            new HeaderReference { Type = HeaderFooterValues.First, Id = "rIdHeader2" },
            new FooterReference { Type = HeaderFooterValues.First, Id = "rIdFooter2" },
            reference.PageSize.CloneNode(true),
            reference.PageMargin.CloneNode(true),
            new Columns { Space = "708" },
            new TitlePage(),
            new DocGrid { LinePitch = 360 }));
        main.Element = new Document(body);
        composer?.Finish(body, header, settings, context);
        return package.ToBytes();
    }

    private static Paragraph Styled(string style, string text, JustificationValues? justification = null)
    {
        var p = new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = style } });
        if (justification is { } j) p.ParagraphProperties!.Justification = new Justification { Val = j };
        DocxBodyWriter.AppendText(p, text, default);
        return p;
    }

    private static Paragraph PageBreak() => new(new Run(new Break { Type = BreakValues.Page }));

    internal static void Cover(Body body, Cover cover)
    {
        body.Append(new Paragraph(new ParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { Before = "2400" } }));
        body.Append(Styled("Title", cover.Title));
        // Only the facts the document states: no row stands in for one it does not give.
        if ((cover.Subtitle ?? (cover.KindStated && KindName(cover.Kind) is { } kindName ? $"{cover.SetName} \u2014 {kindName}" : null)) is { } subtitle)
            body.Append(Styled("Subtitle", subtitle));
        var rows = new List<(string, string?)>
        {
            ("Document", cover.KindStated ? $"{cover.ShortTitle} ({cover.KindLabel})" : cover.ShortTitle != cover.Title ? cover.ShortTitle : null),
            ("Policy OID", cover.Oid),
            ("Version", cover.Version),
            ("Effective date", cover.EffectiveDate?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)),
            ("Date", cover.Date?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)),
            ("Status", cover.Status is { } status ? StatusName(status) : null),
            (cover.Authors.Length == 1 ? "Author" : "Authors", cover.Authors.IsEmpty ? null : string.Join(", ", cover.Authors)),
            ("Policy Authority", cover.Publisher.Name),
            ("Contact", cover.Publisher.Email),
        };
        var stated = rows.Where(r => r.Item2 is not null).Select(r => new[] { r.Item1, r.Item2! }).ToList();
        if (stated.Count > 0) body.Append(SimpleTable(null, stated, boldFirstColumn: true));
        if (cover.Copyright is { } copyright)
            foreach (var line in copyright.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
                body.Append(Styled("Normal", line));
        body.Append(PageBreak());
    }

    private static string? KindName(DocumentKind kind) => kind switch
    {
        DocumentKind.Cp => "Certificate Policy",
        DocumentKind.Cps => "Certification Practice Statement",
        DocumentKind.CpCps => "Certificate Policy and Certification Practice Statement",
        _ => null,
    };

    private static string StatusName(DocumentStatus status) => status switch
    {
        DocumentStatus.Draft => "Draft",
        DocumentStatus.Approved => "Approved",
        _ => "Superseded",
    };

    internal static void History(Body body, PublishedDocument document, ReferenceDocument reference)
    {
        var cover = document.Cover;
        // With no revisions recorded the table has the one row the document states: its version, if it gives one.
        if (document.Revisions.IsEmpty && cover.Version is null) return;
        body.Append(Styled("TOCHeading", "Document history"));
        var rows = document.Revisions.IsEmpty
            ? [[cover.Version!, cover.EffectiveDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", "This version.", ""]]
            : document.Revisions.Select(r => new[]
            {
                r.Version, r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Summary,
                r.Approved is { } a ? $"{a.Meeting} ({a.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})" : r.Approval ?? "",
            }).ToList();
        // A revision table read from the document's text has no approvals: no empty column stands for them.
        var table = document.Document.Info.RevisionsFromText && document.Revisions.All(r => r.Approval is null)
            ? SimpleTable(["Version", "Date", "Summary of changes"], [.. rows.Select(r => r[..3])], false)
            : SimpleTable(["Version", "Date", "Summary of changes", "Approval"], rows, false);
        DocxTableLayout.Apply(table, reference.WithPage(document.Set.Set.Info.Page).TextWidth);
        body.Append(table);
        body.Append(new Paragraph());
    }

    /// <summary>A table of plain texts, at the full width with columns in equal parts (30/70 for two, as the cover's).</summary>
    private static Table SimpleTable(string[]? header, List<string[]> rows, bool boldFirstColumn)
    {
        const int textWidth = 9000;
        var columns = header?.Length ?? rows.Max(r => r.Length);
        int[] percents = columns == 2 ? [30, 70] : [.. Enumerable.Repeat(100 / columns, columns)];
        var grid = new TableGrid(percents.Select(p => new GridColumn { Width = (textWidth * p / 100).ToString(CultureInfo.InvariantCulture) }));
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableLook { Val = "04A0", FirstRow = header is not null, LastRow = false, FirstColumn = boldFirstColumn, LastColumn = false, NoHorizontalBand = false, NoVerticalBand = true }),
            grid);
        TableRow Row(string[] cells, bool isHeader)
        {
            var tr = new TableRow();
            tr.Append(isHeader ? new TableRowProperties(new TableHeader(), new CantSplit()) : new TableRowProperties(new CantSplit()));
            for (var i = 0; i < columns; i++)
            {
                var p = new Paragraph();
                DocxBodyWriter.AppendText(p, i < cells.Length ? cells[i] : "", new DocxBodyWriter.Format(isHeader || (boldFirstColumn && i == 0), false, false, false, false));
                tr.Append(new TableCell(new TableCellProperties(new TableCellWidth { Width = (textWidth * percents[i] / 100).ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }), p));
            }
            return tr;
        }
        if (header is not null) table.Append(Row(header, true));
        foreach (var r in rows) table.Append(Row(r, false));
        return table;
    }

    /// <summary>
    /// The contents field: the paragraphs in the heading styles 1 to 3, as the entries written below. Without
    /// <c>\u</c>, which would add every paragraph with an outline level up to 3, so that when Word updates the field
    /// the headings inside sections (which have outline levels, below their section's) stay out of it.
    /// </summary>
    private const string TocField = " TOC \\o \"1-3\" \\h \\z ";

    /// <summary>
    /// The contents: a TOC field, marked dirty, whose cached result is one linked entry per heading, without page
    /// numbers. Pages are known only after layout, so none is written: an estimate would be printed as wrong numbers
    /// by every reader that does not update the field. Word regenerates the field when the document is opened
    /// (<c>w:updateFields</c> in the settings) and then shows each entry with its page; LibreOffice regenerates it
    /// on Tools > Update, or when converting with its index update. Until then the entries still link to their headings.
    /// </summary>
    private static void Toc(Body body, List<PublishedSection> sections, bool appendix, DocxContext context)
    {
        var content = new SdtContentBlock(Styled("TOCHeading", "Contents"));
        var entries = TocEntries(sections, context).ToList();
        if (appendix) entries.Add((DocxMatrixAppendix.Title, DocxMatrixAppendix.Bookmark, 1));
        for (var i = 0; i < entries.Count; i++)
        {
            var (title, bookmark, level) = entries[i];
            var p = new Paragraph(new ParagraphProperties
            {
                ParagraphStyleId = new ParagraphStyleId { Val = "TOC" + level.ToString(CultureInfo.InvariantCulture) },
            });
            if (i == 0)
            {
                p.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.Begin, Dirty = true }));
                p.Append(new Run(new FieldCode(TocField) { Space = SpaceProcessingModeValues.Preserve }));
                p.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
            }
            var link = new Hyperlink { Anchor = bookmark, History = true };
            DocxBodyWriter.AppendText(link, title, default);
            p.Append(link);
            if (i == entries.Count - 1) p.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
            content.Append(p);
        }
        if (entries.Count == 0)
            content.Append(new Paragraph(
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin, Dirty = true }),
                new Run(new FieldCode(TocField) { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                new Run(new Text("No sections.")),
                new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
        body.Append(new SdtBlock(
            new SdtProperties(new SdtContentDocPartObject(new DocPartGallery { Val = "Table of Contents" }, new DocPartUnique())),
            content));
        body.Append(PageBreak());
    }

    /// <summary>
    /// The entries of the contents, as Word builds them from the heading styles 1 to 3: each section to depth 3, and
    /// the headings in section bodies that have one of those styles (below their section's).
    /// </summary>
    private static IEnumerable<(string Title, string Bookmark, int Level)> TocEntries(List<PublishedSection> sections, DocxContext context)
    {
        foreach (var s in sections)
        {
            if (s.Depth > 3) continue;
            yield return (s.DisplayTitle, DocxNames.SectionBookmark(s.Source), s.Depth);
            if (s.Body is not { } body) continue;
            var levels = PolicyDocs.Markdown.SubheadingLevels.Of(body, HeadingLevel(s), 9);
            foreach (var h in body.Descendants<Markdig.Syntax.HeadingBlock>())
                if (levels.Of(h) <= 3 && context.Xrefs.IdOf(h) is { } id)
                    yield return (Xrefs.InlineText.Of(h.Inline, context.Xrefs), DocxNames.AnchorBookmark(id), levels.Of(h));
        }
    }

    /// <summary>The level of a section's heading: its depth, at most 9 (Heading9).</summary>
    internal static int HeadingLevel(PublishedSection section) => Math.Min(section.Depth, 9);

    internal static Paragraph Heading(PublishedSection section, DocxContext context)
    {
        var level = HeadingLevel(section);
        var p = new Paragraph(new ParagraphProperties
        {
            ParagraphStyleId = new ParagraphStyleId { Val = "Heading" + level.ToString(CultureInfo.InvariantCulture) },
            OutlineLevel = new OutlineLevel { Val = level - 1 },
        });
        var id = context.NextBookmarkId().ToString(CultureInfo.InvariantCulture);
        p.Append(new BookmarkStart { Name = DocxNames.SectionBookmark(section.Source), Id = id });
        // The heading's GitHub id as a second bookmark, for links written for the Markdown file.
        var slugId = section.Slug is { } slug && context.ClaimAnchor(DocxNames.AnchorBookmark(slug), out var claimed) ? claimed : null;
        if (slugId is not null) p.Append(new BookmarkStart { Name = DocxNames.AnchorBookmark(section.Slug!), Id = slugId });
        DocxBodyWriter.AppendText(p, section.DisplayTitle, default);
        if (slugId is not null) p.Append(new BookmarkEnd { Id = slugId });
        p.Append(new BookmarkEnd { Id = id });
        return p;
    }

    private static Settings Settings(bool footnotes, bool updateFieldsOnOpen)
    {
        var settings = new Settings(
            new Zoom { Percent = "100" },
            new DefaultTabStop { Val = 720 },
            new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress });
        // On: the contents is written without page numbers (see Toc), and this is what makes Word fill them in,
        // from its own layout, when the document is opened (Word asks first). Off, Word would show the entries
        // without numbers until the reader updates the field by hand.
        if (updateFieldsOnOpen) settings.Append(new UpdateFieldsOnOpen { Val = true });
        if (footnotes)
            settings.Append(new FootnoteDocumentWideProperties(new FootnoteSpecialReference { Id = -1 }, new FootnoteSpecialReference { Id = 0 }));
        settings.Append(new Compatibility(new CompatibilitySetting
        {
            Name = CompatSettingNameValues.CompatibilityMode,
            Uri = "http://schemas.microsoft.com/office/word",
            Val = "15",
        }));
        return settings;
    }

    private static Footnotes Footnotes(List<OpenXmlElement> bodies)
    {
        var footnotes = new Footnotes(
            new Footnote(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }), new Run(new SeparatorMark())))
            { Type = FootnoteEndnoteValues.Separator, Id = -1 },
            new Footnote(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }), new Run(new ContinuationSeparatorMark())))
            { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
        footnotes.Append(bodies);
        return footnotes;
    }
}
