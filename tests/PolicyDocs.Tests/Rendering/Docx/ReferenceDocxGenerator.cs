using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyDocs.Rendering.Docx;

namespace PolicyDocs.Tests.Rendering.Docx;

using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

/// <summary>
/// Generates templates/docx/reference.docx, the default Word styles and page setup (A4). Run with
/// POLICYDOCS_UPDATE_GOLDEN=1 to rewrite the committed file after changing this generator.
/// </summary>
internal static class ReferenceDocxGenerator
{
    private const string BodyFont = "Calibri";
    private const string HeadingFont = "Cambria";
    private const string MonoFont = "Consolas";
    private const string Accent = "1F3864";

    public static byte[] Generate()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rId1");
            main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = Styles();
            main.AddNewPart<FontTablePart>("rIdFontTable").Fonts = new Fonts(
                Font(BodyFont, "Carlito", "020F0502020204030204", FontFamilyValues.Swiss),
                Font(HeadingFont, "Caladea", "02040503050406030204", FontFamilyValues.Roman),
                Font(MonoFont, "DejaVu Sans Mono", "020B0609020204030204", FontFamilyValues.Modern));
            main.Document = new Document(new Body(
                new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = "Title" } }, new Run(new Text("Reference document"))),
                new Paragraph(new Run(new Text("Styles, page size and margins of this document are used for every generated Word document."))),
                new SectionProperties(
                    new PageSize { Width = 11906, Height = 16838 },
                    new PageMargin { Top = 1418, Right = 1247, Bottom = 1418, Left = 1247, Header = 709, Footer = 709, Gutter = 0 })));
        }
        return PolicyDocs.Output.DeterministicZip.Normalize(stream.ToArray());
    }

    private static Font Font(string name, string alt, string panose, FontFamilyValues family) =>
        new(new AltName { Val = alt }, new Panose1Number { Val = panose }, new FontCharSet { Val = "00" }, new FontFamily { Val = family }, new Pitch { Val = family == FontFamilyValues.Modern ? FontPitchValues.Fixed : FontPitchValues.Variable })
        { Name = name };

    private static RunFonts Fonts(string font) => new() { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font };

    private static Style Paragraph(string id, string name, string? basedOn, ParagraphProperties? pPr, StyleRunProperties? rPr, string? next = null, bool primary = true, int? priority = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        style.Append(new StyleName { Val = name });
        if (basedOn is not null) style.Append(new BasedOn { Val = basedOn });
        if (next is not null) style.Append(new NextParagraphStyle { Val = next });
        if (priority is not null) style.Append(new UIPriority { Val = priority });
        if (primary) style.Append(new PrimaryStyle());
        if (pPr is not null) style.Append(new StyleParagraphProperties(pPr.ChildElements.Select(e => e.CloneNode(true))));
        if (rPr is not null) style.Append(rPr);
        return style;
    }

    private static Style Character(string id, string name, StyleRunProperties rPr, int priority = 99)
    {
        var style = new Style { Type = StyleValues.Character, StyleId = id };
        style.Append(new StyleName { Val = name }, new BasedOn { Val = "DefaultParagraphFont" }, new UIPriority { Val = priority }, rPr);
        return style;
    }

    private static StyleRunProperties Run(string? font = null, int? halfPoints = null, bool bold = false, bool italic = false, string? color = null, bool caps = false)
    {
        var rPr = new StyleRunProperties();
        if (font is not null) rPr.RunFonts = Fonts(font);
        if (bold) rPr.Bold = new Bold();
        if (italic) rPr.Italic = new Italic();
        if (caps) rPr.Caps = new Caps();
        if (color is not null) rPr.Color = new Color { Val = color };
        if (halfPoints is not null)
        {
            rPr.FontSize = new FontSize { Val = halfPoints.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            rPr.FontSizeComplexScript = new FontSizeComplexScript { Val = halfPoints.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }
        return rPr;
    }

    private static ParagraphProperties Spacing(int before, int after, bool keepNext = false, int? outline = null, int? indent = null)
    {
        var pPr = new ParagraphProperties();
        if (keepNext) { pPr.KeepNext = new KeepNext(); pPr.KeepLines = new KeepLines(); }
        pPr.SpacingBetweenLines = new SpacingBetweenLines { Before = before.ToString(System.Globalization.CultureInfo.InvariantCulture), After = after.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (indent is not null) pPr.Indentation = new Indentation { Left = indent.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (outline is not null) pPr.OutlineLevel = new OutlineLevel { Val = outline };
        return pPr;
    }

    private static Styles Styles()
    {
        var styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(Fonts(BodyFont), new FontSize { Val = "21" }, new FontSizeComplexScript { Val = "21" }, new Languages { Val = "en-GB" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))));

        var normal = Paragraph("Normal", "Normal", null, null, null);
        normal.Default = true;
        styles.Append(normal);
        var defaultFont = new Style(new StyleName { Val = "Default Paragraph Font" }, new UIPriority { Val = 1 }, new SemiHidden(), new UnhideWhenUsed())
        { Type = StyleValues.Character, StyleId = "DefaultParagraphFont", Default = true };
        styles.Append(defaultFont);
        styles.Append(new Style(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(), new UnhideWhenUsed(),
            new StyleTableProperties(new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                new TableCellMarginDefault(new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });
        styles.Append(new Style(new StyleName { Val = "No List" }, new UIPriority { Val = 99 }, new SemiHidden(), new UnhideWhenUsed())
        { Type = StyleValues.Numbering, StyleId = "NoList", Default = true });

        styles.Append(Paragraph("Title", "Title", "Normal", Spacing(0, 240), Run(HeadingFont, 56, bold: true, color: Accent), "Normal", priority: 10));
        styles.Append(Paragraph("Subtitle", "Subtitle", "Normal", Spacing(0, 480), Run(HeadingFont, 32, color: "404040"), "Normal", priority: 11));
        int[] sizes = [32, 28, 24, 22, 22, 21, 21, 21, 21];
        for (var i = 1; i <= 9; i++)
        {
            var pPr = Spacing(i == 1 ? 480 : 240, 120, keepNext: true, outline: i - 1);
            if (i == 1) pPr.PageBreakBefore = new PageBreakBefore();
            styles.Append(Paragraph($"Heading{i}", $"heading {i}", "Normal", pPr,
                Run(HeadingFont, sizes[i - 1], bold: i <= 4, italic: i > 4, color: Accent, caps: false), "Normal", priority: 9));
        }
        for (var i = 1; i <= 3; i++)
            styles.Append(Paragraph($"TOC{i}", $"toc {i}", "Normal", Spacing(i == 1 ? 120 : 0, 40, indent: (i - 1) * 220), i == 1 ? Run(bold: true) : null, "Normal", priority: 39));
        styles.Append(Paragraph("TOCHeading", "TOC Heading", "Normal", Spacing(240, 240, keepNext: true), Run(HeadingFont, 32, bold: true, color: Accent), "Normal", priority: 39));
        styles.Append(Paragraph("Subheading", "Subheading", "Normal", Spacing(200, 80, keepNext: true), Run(bold: true, color: Accent), "Normal"));
        styles.Append(Paragraph("ListParagraph", "List Paragraph", "Normal", Spacing(0, 60), null, priority: 34));
        styles.Append(Paragraph("Quote", "Quote", "Normal", Spacing(120, 120, indent: 567), Run(italic: true, color: "404040"), "Normal", priority: 29));
        // "No stipulation." is a statement of the document like any other: in the body style, not set apart as a placeholder.
        styles.Append(Paragraph("NoStipulation", "No Stipulation", "Normal", null, null, "Normal"));
        var code = Spacing(60, 60);
        code.Shading = new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "F2F2F2" };
        styles.Append(Paragraph("SourceCode", "Source Code", "Normal", code, Run(MonoFont, 18), primary: false));
        styles.Append(Paragraph("Caption", "caption", "Normal", Spacing(120, 60, keepNext: true), Run(halfPoints: 18, italic: true, color: "404040"), "Normal", priority: 35));
        styles.Append(Paragraph("FootnoteText", "footnote text", "Normal", Spacing(0, 0), Run(halfPoints: 18), primary: false, priority: 99));
        var header = Spacing(0, 0);
        header.Tabs = new Tabs(new TabStop { Val = TabStopValues.Center, Position = 4706 }, new TabStop { Val = TabStopValues.Right, Position = 9412 });
        styles.Append(Paragraph("Header", "header", "Normal", header, Run(halfPoints: 17, color: "595959"), primary: false, priority: 99));
        styles.Append(Paragraph("Footer", "footer", "Normal", header.CloneNode(true) as ParagraphProperties, Run(halfPoints: 17, color: "595959"), primary: false, priority: 99));

        var link = Run(color: "0563C1");
        link.Underline = new Underline { Val = UnderlineValues.Single };
        styles.Append(Character("Hyperlink", "Hyperlink", link));
        styles.Append(Character("VerbatimChar", "Verbatim Char", Run(MonoFont, 19)));
        var fnRef = new StyleRunProperties { VerticalTextAlignment = new VerticalTextAlignment { Val = VerticalPositionValues.Superscript } };
        styles.Append(Character("FootnoteReference", "footnote reference", fnRef));

        var border = (BorderValues v) => v;
        styles.Append(new Style(
            new StyleName { Val = "Table Grid" }, new BasedOn { Val = "TableNormal" }, new UIPriority { Val = 39 },
            new StyleParagraphProperties(new SpacingBetweenLines { Before = "40", After = "40", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = border(BorderValues.Single), Size = 4, Space = 0, Color = "A6A6A6" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "A6A6A6" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "A6A6A6" },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "A6A6A6" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "A6A6A6" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "A6A6A6" })),
            new TableStyleProperties(
                new StyleRunProperties(new Bold()),
                new TableStyleConditionalFormattingTableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "D9E2F3" }))
            { Type = TableStyleOverrideValues.FirstRow })
        { Type = StyleValues.Table, StyleId = "TableGrid" });
        return styles;
    }
}
