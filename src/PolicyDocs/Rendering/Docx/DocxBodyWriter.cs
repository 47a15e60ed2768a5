using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyDocs.Markdown;
using PolicyDocs.Model;
using PolicyDocs.Xrefs;

using MdTable = Markdig.Extensions.Tables.Table;
using MdTableCell = Markdig.Extensions.Tables.TableCell;
using MdTableRow = Markdig.Extensions.Tables.TableRow;
using WTable = DocumentFormat.OpenXml.Wordprocessing.Table;
using WTableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;
using WTableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;

namespace PolicyDocs.Rendering.Docx;

using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

/// <summary>
/// Turns a section body (the shared Markdig tree) into WordprocessingML blocks. Cross-references take their text
/// from the resolved <see cref="XrefIndex"/>, exactly as on the site, and link to section and anchor bookmarks.
/// </summary>
internal sealed class DocxBodyWriter(DocxContext context)
{
    internal readonly record struct Format(bool Bold, bool Italic, bool Strike, bool Code, bool Link)
    {
        /// <summary>&lt;u&gt;: underlined.</summary>
        public bool Underline { get; init; }
        /// <summary>&lt;sup&gt; or &lt;sub&gt;: raised or lowered; null on the base line.</summary>
        public VerticalPositionValues? Position { get; init; }

        /// <summary>This format with what an inline HTML tag (<see cref="HtmlFormatting"/>) adds.</summary>
        public Format With(HtmlFormat html) => html switch
        {
            HtmlFormat.Superscript => this with { Position = VerticalPositionValues.Superscript },
            HtmlFormat.Subscript => this with { Position = VerticalPositionValues.Subscript },
            HtmlFormat.Underline => this with { Underline = true },
            HtmlFormat.Bold => this with { Bold = true },
            HtmlFormat.Italic => this with { Italic = true },
            _ => this with { Strike = true },
        };
    }

    /// <summary>How blocks are written: their paragraph style, list nesting and indent, and the levels of the
    /// section's headings (null: headings without an outline level).</summary>
    private sealed record BlockStyle(string? Style, int Level, int ListIndent, SubheadingLevels? Subheadings, bool HeadingStyles = false);

    /// <summary>
    /// Called with each Markdig leaf block (and each table row) and the paragraph (or row) written for it, so a
    /// revision-aware caller can place block-level changes of the diff model on exactly those elements.
    /// </summary>
    public Action<Block, OpenXmlElement>? Emitted { get; init; }

    private OpenXmlElement Emit(Block block, OpenXmlElement element)
    {
        Emitted?.Invoke(block, element);
        return element;
    }

    /// <summary>Renders the blocks of <paramref name="body"/> of a section whose heading is at level
    /// <paramref name="sectionLevel"/> (0 for the text before the first section); <paramref name="noStipulation"/>
    /// styles them as such. Headings in it get the outline levels directly below the section's (<see cref="SubheadingLevels"/>).</summary>
    public void WriteBody(MarkdownDocument body, int sectionLevel, bool noStipulation, List<OpenXmlElement> into) =>
        Blocks(body, into, new BlockStyle(noStipulation ? "NoStipulation" : null, 0, 0, SubheadingLevels.Of(body, sectionLevel, 9), sectionLevel > 0));

    /// <summary>Renders the blocks of a container (a footnote body); headings in it get no outline level.</summary>
    public void WriteBlocks(ContainerBlock container, List<OpenXmlElement> into) => Blocks(container, into, new BlockStyle(null, 0, 0, null));

    private void Blocks(ContainerBlock container, List<OpenXmlElement> into, BlockStyle style)
    {
        foreach (var block in container)
            Block(block, into, style, null);
    }

    private void Block(Block block, List<OpenXmlElement> into, BlockStyle style, NumberingProperties? numbering)
    {
        switch (block)
        {
            case HeadingBlock heading:
            {
                // Inside a section the heading style one level below the section's (Word's navigation pane and contents
                // show it in place), its outline level that level - 1; elsewhere a plain subheading.
                var level = style.Subheadings?.Of(heading);
                var p = Para(style.HeadingStyles && level is { } l ? "Heading" + l.ToString(System.Globalization.CultureInfo.InvariantCulture) : "Subheading", heading.Inline, null, null);
                if (level is { } outline) p.ParagraphProperties!.OutlineLevel = new OutlineLevel { Val = outline - 1 };
                // Its id (the one written, else its GitHub id) as a bookmark, so links to it land on it.
                if (context.Xrefs.IdOf(heading) is { } id && context.ClaimAnchor(DocxNames.AnchorBookmark(id), out var bookmarkId))
                {
                    p.InsertAfter(new BookmarkStart { Name = DocxNames.AnchorBookmark(id), Id = bookmarkId }, p.ParagraphProperties);
                    p.Append(new BookmarkEnd { Id = bookmarkId });
                }
                into.Add(Emit(heading, p));
                break;
            }
            case ParagraphBlock paragraph when PolicyDocs.Markdown.TableCaption.IsCaption(paragraph):
                break; // written with its table
            case ParagraphBlock paragraph when HtmlAnchors.IsOnly(paragraph):
                into.Add(Emit(paragraph, AnchorsOnly(paragraph)));
                break;
            case ParagraphBlock paragraph:
                into.Add(Emit(paragraph, Para(numbering is null ? style.Style : "ListParagraph", paragraph.Inline, numbering, style.ListIndent)));
                break;
            case ListBlock list:
                List(list, into, style);
                break;
            case MdTable table:
                if (PolicyDocs.Markdown.TableCaption.Of(table) is { } caption)
                {
                    // Word's convention: the caption above its table, kept on the same page.
                    var p = Para("Caption", caption.Inline, null, style.ListIndent);
                    p.ParagraphProperties!.KeepNext = new KeepNext();
                    into.Add(Emit(caption, p));
                }
                into.Add(Table(table));
                into.Add(new Paragraph(new ParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { After = "0" } }));
                break;
            case FencedCodeBlock or CodeBlock:
                into.Add(Emit(block, Code((LeafBlock)block, style.ListIndent)));
                break;
            case QuoteBlock quote:
                foreach (var child in quote) Block(child, into, style with { Style = "Quote" }, null);
                break;
            case ThematicBreakBlock:
                into.Add(new Paragraph(new ParagraphProperties(new ParagraphBorders(
                    new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "auto" }))));
                break;
            case HtmlBlock html when HtmlAnchors.IsOnly(html):
                into.Add(Emit(html, AnchorsOnly(html)));
                break;
            case HtmlBlock html when html.Type != HtmlBlockType.Comment:
                into.Add(Emit(html, Literal(style.Style, string.Join("\n", Lines(html)))));
                break;
            case FootnoteGroup or LinkReferenceDefinitionGroup or HtmlBlock or BlankLineBlock:
                break;
            case ContainerBlock other:
                Blocks(other, into, style);
                break;
            case LeafBlock leaf when leaf.Inline is not null:
                into.Add(Emit(leaf, Para(style.Style, leaf.Inline, null, style.ListIndent)));
                break;
        }
    }

    private void List(ListBlock list, List<OpenXmlElement> into, BlockStyle style)
    {
        var level = Math.Min(style.Level, 8);
        var start = list.IsOrdered && int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 1;
        var numId = context.Numbering.NewList(list.BulletType, list.IsOrdered, start, level);
        var inner = style with { Level = style.Level + 1, ListIndent = DocxNumbering.Indent(level) };
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var first = true;
            foreach (var child in item)
            {
                if (first)
                {
                    var numPr = new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId });
                    if (child is ParagraphBlock p)
                    {
                        Block(p, into, inner, numPr);
                        first = false;
                        continue;
                    }
                    into.Add(new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = "ListParagraph" }, NumberingProperties = numPr }));
                    first = false;
                }
                Block(child, into, inner, null);
            }
            if (first)
                into.Add(new Paragraph(new ParagraphProperties
                {
                    ParagraphStyleId = new ParagraphStyleId { Val = "ListParagraph" },
                    NumberingProperties = new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId }),
                }));
        }
    }

    private WTable Table(MdTable table)
    {
        var rows = table.OfType<MdTableRow>().ToList();
        var columns = Math.Max(1, Math.Max(table.ColumnDefinitions.Count, rows.Count == 0 ? 0 : rows.Max(r => r.Count)));
        var result = new WTable(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = false, NoVerticalBand = true }),
            new TableGrid());
        foreach (var row in rows)
        {
            var tr = new WTableRow();
            // Header rows repeat on every page; no row is split across a page break (Word splits one only when it is
            // taller than a page, so a fingerprint or a role's duties stay with their row).
            tr.Append(row.IsHeader ? new TableRowProperties(new TableHeader(), new CantSplit()) : new TableRowProperties(new CantSplit()));
            var cells = row.OfType<MdTableCell>().ToList();
            for (var i = 0; i < columns; i++)
            {
                var blocks = new List<OpenXmlElement>();
                if (i < cells.Count) Blocks(cells[i], blocks, new BlockStyle(null, 0, 0, null));
                if (blocks.Count == 0 || blocks[^1] is not Paragraph) blocks.Add(new Paragraph());
                var align = i < table.ColumnDefinitions.Count ? table.ColumnDefinitions[i].Alignment : null;
                foreach (var p in blocks.OfType<Paragraph>())
                {
                    if (row.IsHeader) MarkBold(p);
                    if (align is TableColumnAlign.Center or TableColumnAlign.Right)
                    {
                        p.ParagraphProperties ??= new ParagraphProperties();
                        p.ParagraphProperties.Justification = new Justification
                        { Val = align == TableColumnAlign.Center ? JustificationValues.Center : JustificationValues.Right };
                    }
                }
                var cell = new WTableCell(new TableCellProperties());
                cell.Append(blocks);
                tr.Append(cell);
            }
            result.Append(Emit(row, tr));
        }
        // A pipe table's delimiter dashes, when the parser gives them (as percentages), are the author's relative widths.
        var hints = table.ColumnDefinitions.Count == columns && table.ColumnDefinitions.All(d => d.Width > 0)
            ? table.ColumnDefinitions.Select(d => (double)d.Width).ToList() : null;
        DocxTableLayout.Apply(result, context.Reference.TextWidth, hints);
        return result;
    }

    private static void MarkBold(Paragraph p)
    {
        foreach (var run in p.Descendants<Run>())
        {
            run.RunProperties ??= new RunProperties();
            run.RunProperties.Bold ??= new Bold();
        }
    }

    private static IEnumerable<string> Lines(LeafBlock block)
    {
        var lines = block.Lines;
        for (var i = 0; i < lines.Count; i++) yield return lines.Lines[i].Slice.ToString();
    }

    private static Paragraph Code(LeafBlock block, int indent)
    {
        var p = new Paragraph(Props("SourceCode", null, indent));
        var first = true;
        foreach (var line in Lines(block))
        {
            if (!first) p.Append(new Run(new Break()));
            first = false;
            if (line.Length > 0) p.Append(new Run(Text(line)));
        }
        return p;
    }

    private Paragraph Literal(string? style, string text)
    {
        var p = new Paragraph(Props(style, null, 0));
        AppendText(p, text, default);
        return p;
    }

    private static ParagraphProperties Props(string? style, NumberingProperties? numbering, int? indent)
    {
        var pPr = new ParagraphProperties();
        if (style is not null) pPr.ParagraphStyleId = new ParagraphStyleId { Val = style };
        if (numbering is not null) pPr.NumberingProperties = numbering;
        else if (indent is > 0) pPr.Indentation = new Indentation { Left = indent.Value.ToString(CultureInfo.InvariantCulture) };
        return pPr;
    }

    private Paragraph Para(string? style, ContainerInline? inline, NumberingProperties? numbering, int? indent)
    {
        var p = new Paragraph(Props(style, numbering, indent));
        if (inline is not null) Inlines(inline, p, default);
        return p;
    }

    /// <summary>Renders inline content into <paramref name="parent"/>. An inline HTML formatting tag
    /// (<see cref="HtmlFormatting"/>) formats its siblings up to its closing tag.</summary>
    private void Inlines(ContainerInline container, OpenXmlElement parent, Format format)
    {
        var outer = new Stack<Format>();
        foreach (var inline in container)
        {
            if (inline is HtmlInline html && HtmlFormatting.Of(html.Tag) is { } tag)
            {
                if (!tag.Closing)
                {
                    outer.Push(format);
                    format = format.With(tag.Format);
                }
                else if (outer.Count > 0) format = outer.Pop();
                continue;
            }
            Inline(inline, parent, format);
        }
    }

    private void Inline(Markdig.Syntax.Inlines.Inline inline, OpenXmlElement parent, Format format)
    {
        switch (inline)
        {
            case LiteralInline literal:
                AppendText(parent, literal.Content.ToString(), format);
                break;
            case CodeInline code:
                AppendText(parent, code.Content, format with { Code = true });
                break;
            case EmphasisInline emphasis:
                var f = emphasis.DelimiterChar == '~' ? format with { Strike = true }
                    : emphasis.DelimiterCount >= 2 ? format with { Bold = true } : format with { Italic = true };
                if (emphasis.DelimiterChar != '~' && emphasis.DelimiterCount >= 3) f = f with { Italic = true };
                Inlines(emphasis, parent, f);
                break;
            case LineBreakInline lineBreak:
                if (lineBreak.IsHard) parent.Append(new Run(new Break()));
                else AppendText(parent, " ", format);
                break;
            case XrefInline xref:
                Xref(xref, parent, format);
                break;
            case FootnoteLink { IsBackLink: true }:
                break;
            case FootnoteLink note:
                parent.Append(new Run(new RunProperties { RunStyle = new RunStyle { Val = "FootnoteReference" } },
                    new FootnoteReference { Id = context.Footnote(note.Footnote, this) }));
                break;
            case TaskList task:
                AppendText(parent, task.Checked ? "\u2612 " : "\u2610 ", format);
                break;
            case AutolinkInline auto:
                Link(auto.IsEmail ? "mailto:" + auto.Url : auto.Url, null, parent, format, p => AppendText(p, auto.Url, format with { Link = true }));
                break;
            case LinkInline { IsImage: true } image:
                var alt = InlineText.Of(image, context.Xrefs);
                if (context.Images is { } pictures && context.Document.Image(image.Url) is { } asset && DocxImages.Embeddable(asset) is { } picture)
                    parent.Append(new Run(pictures.Drawing(context.CurrentPart, picture, alt, context.Reference.TextWidth)));
                else
                    AppendText(parent, $"[Image: {(alt.Length > 0 ? alt : image.Url)}]", format with { Italic = true });
                break;
            case LinkInline link:
                var target = context.Xrefs.Resolve(link);
                if (target is not null)
                    XrefLink(target, parent, format, p => Inlines(link, p, format with { Link = true }));
                else
                    Link(link.Url ?? "", link.Title, parent, format, p => Inlines(link, p, format with { Link = true }));
                break;
            case HtmlEntityInline entity:
                AppendText(parent, entity.Transcoded.ToString(), format);
                break;
            case HtmlInline html when PolicyDocs.Markdown.HtmlBreak.Is(html.Tag):
                parent.Append(new Run(new Break()));
                break;
            case HtmlInline html when HtmlAnchors.IsPart(html):
                foreach (var anchor in HtmlAnchors.Of(html)) Bookmark(parent, anchor);
                break;
            case HtmlInline html:
                if (!html.Tag.StartsWith("<!--", StringComparison.Ordinal)) AppendText(parent, html.Tag, format);
                break;
            case ContainerInline other:
                Inlines(other, parent, format);
                break;
        }
    }

    /// <summary>A bookmark for an anchor written in the prose, the first time its id is defined.</summary>
    private void Bookmark(OpenXmlElement parent, string anchor)
    {
        var name = DocxNames.AnchorBookmark(anchor);
        if (!context.ClaimAnchor(name, out var id)) return;
        parent.Append(new BookmarkStart { Name = name, Id = id });
        parent.Append(new BookmarkEnd { Id = id });
    }

    /// <summary>A paragraph (or HTML block) of bare anchors only, which shows nothing: their bookmarks in a paragraph
    /// that takes no room.</summary>
    private Paragraph AnchorsOnly(Block block)
    {
        var p = new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0", Line = "20", LineRule = LineSpacingRuleValues.Exact }));
        foreach (var (_, anchor) in HtmlAnchors.In(block)) Bookmark(p, anchor);
        return p;
    }

    private void Xref(XrefInline xref, OpenXmlElement parent, Format format)
    {
        if (xref.Kind == XrefKind.Anchor)
        {
            Bookmark(parent, xref.Target);
            return;
        }
        var target = context.Xrefs.Resolve(xref);
        if (target is null)
        {
            AppendText(parent, "[[" + xref.Raw + "]]", format);
            return;
        }
        XrefLink(target, parent, format, p => AppendText(p, target.Text, format with { Link = true }));
    }

    private void XrefLink(XrefTarget target, OpenXmlElement parent, Format format, Action<OpenXmlElement> content)
    {
        if (target.DocumentId == context.Document.Id)
        {
            var bookmark = context.BookmarkFor(target);
            if (bookmark is not null)
            {
                var link = new Hyperlink { Anchor = bookmark, History = true };
                content(link);
                parent.Append(link);
                return;
            }
        }
        else if (target.DocumentId is { } other && context.Set.Find(other) is { } otherDoc)
        {
            var link = new Hyperlink { Id = context.Relationship(DocxNames.FileName(otherDoc.Info)), History = true };
            content(link);
            parent.Append(link);
            return;
        }
        var plain = new List<OpenXmlElement>();
        var holder = new Paragraph();
        content(holder);
        foreach (var child in holder.ChildElements.ToList())
        {
            child.Remove();
            if (child is Run run && run.RunProperties?.RunStyle?.Val?.Value == "Hyperlink") run.RunProperties.RunStyle = null;
            parent.Append(child);
        }
    }

    private void Link(string url, string? title, OpenXmlElement parent, Format format, Action<OpenXmlElement> content)
    {
        var id = url.Length == 0 || url.StartsWith('#') ? null : context.Relationship(url);
        if (id is null)
        {
            content(parent);
            return;
        }
        var link = new Hyperlink { Id = id, History = true };
        if (!string.IsNullOrEmpty(title)) link.Tooltip = title;
        content(link);
        parent.Append(link);
    }

    /// <summary>Appends one run of text with the given formatting.</summary>
    public static void AppendText(OpenXmlElement parent, string text, Format format)
    {
        if (text.Length == 0) return;
        var run = new Run();
        if (format != default)
        {
            var rPr = new RunProperties();
            if (format.Code) rPr.RunStyle = new RunStyle { Val = "VerbatimChar" };
            else if (format.Link) rPr.RunStyle = new RunStyle { Val = "Hyperlink" };
            if (format.Bold) rPr.Bold = new Bold();
            if (format.Italic) rPr.Italic = new Italic();
            if (format.Strike) rPr.Strike = new Strike();
            if (format.Underline) rPr.Underline = new Underline { Val = UnderlineValues.Single };
            if (format.Position is { } position) rPr.VerticalTextAlignment = new VerticalTextAlignment { Val = position };
            run.Append(rPr);
        }
        run.Append(Text(text));
        parent.Append(run);
    }

    /// <summary>A w:t that keeps its leading and trailing spaces.</summary>
    public static Text Text(string text)
    {
        var t = new Text(text);
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))) t.Space = SpaceProcessingModeValues.Preserve;
        return t;
    }
}
