using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyDocs.Model;

namespace PolicyDocs.Rendering.Docx;

using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

/// <summary>Page header (short title, version, status; DRAFT watermark for drafts) and footer ("Page X of Y"), and the
/// cover page's, which show neither.</summary>
internal static class DocxHeaderFooter
{
    private const string Watermark =
        "<w:pict xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\">" +
        "<v:shapetype id=\"_x0000_t136\" coordsize=\"21600,21600\" o:spt=\"136\" adj=\"10800\" path=\"m@7,l@8,m@5,21600l@6,21600e\">" +
        "<v:formulas><v:f eqn=\"sum #0 0 10800\"/><v:f eqn=\"prod #0 2 1\"/><v:f eqn=\"sum 21600 0 @1\"/><v:f eqn=\"sum 0 0 @2\"/>" +
        "<v:f eqn=\"sum 21600 0 @3\"/><v:f eqn=\"if @0 @3 0\"/><v:f eqn=\"if @0 21600 @1\"/><v:f eqn=\"if @0 0 @2\"/><v:f eqn=\"if @0 @4 21600\"/>" +
        "<v:f eqn=\"mid @5 @6\"/><v:f eqn=\"mid @8 @5\"/><v:f eqn=\"mid @7 @8\"/><v:f eqn=\"mid @6 @7\"/><v:f eqn=\"sum @6 0 @5\"/></v:formulas>" +
        "<v:path textpathok=\"t\" o:connecttype=\"custom\" o:connectlocs=\"@9,0;@10,10800;@11,21600;@12,10800\" o:connectangles=\"270,180,90,0\"/>" +
        "<v:textpath on=\"t\" fitshape=\"t\"/><o:lock v:ext=\"edit\" text=\"t\" shapetype=\"t\"/></v:shapetype>" +
        "<v:shape id=\"PolicyDocsDraftWatermark\" o:spid=\"_x0000_s1025\" type=\"#_x0000_t136\" " +
        "style=\"position:absolute;margin-left:0;margin-top:0;width:440pt;height:146pt;rotation:315;z-index:-251657216;" +
        "mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin\" " +
        "o:allowincell=\"f\" fillcolor=\"#d8d8d8\" stroked=\"f\"><v:fill opacity=\".5\"/>" +
        "<v:textpath style=\"font-family:&quot;Calibri&quot;;font-size:1pt\" string=\"DRAFT\"/></v:shape></w:pict>";

    public static Header Header(DocumentInfo info)
    {
        var p = new Paragraph(new ParagraphProperties
        {
            ParagraphStyleId = new ParagraphStyleId { Val = "Header" },
            Justification = new Justification { Val = JustificationValues.Right },
        });
        if (info.Status == DocumentStatus.Draft) p.Append(new Run(new Picture(Watermark)));
        // Only what the document states: its short title, then its version and status when it gives them.
        var parts = new List<string> { info.ShortTitle };
        if (info.Version is { } version) parts.Add("Version " + version);
        if (info.Status is { } s) parts.Add(s switch { DocumentStatus.Draft => "DRAFT", DocumentStatus.Approved => "Approved", _ => "Superseded" });
        DocxBodyWriter.AppendText(p, string.Join(" \u00B7 ", parts), default);
        return new Header(p);
    }

    /// <summary>
    /// The footer "Page X of Y". Word and LibreOffice compute both fields whenever they lay out a page; the cached
    /// results are only there because an empty field result is mishandled, and are never shown by them.
    /// </summary>
    public static Footer Footer()
    {
        var p = new Paragraph(new ParagraphProperties
        {
            ParagraphStyleId = new ParagraphStyleId { Val = "Footer" },
            Justification = new Justification { Val = JustificationValues.Center },
        });
        p.Append(new Run(new Text("Page ") { Space = SpaceProcessingModeValues.Preserve }));
        p.Append(new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " });
        p.Append(new Run(new Text(" of ") { Space = SpaceProcessingModeValues.Preserve }));
        p.Append(new SimpleField(new Run(new Text("1"))) { Instruction = " NUMPAGES " });
        return new Footer(p);
    }

    /// <summary>The cover page's header: no text; a draft keeps its DRAFT watermark there too.</summary>
    public static Header FirstPageHeader(DocumentInfo info)
    {
        var p = new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = "Header" } });
        if (info.Status == DocumentStatus.Draft) p.Append(new Run(new Picture(Watermark.Replace("PolicyDocsDraftWatermark", "PolicyDocsDraftWatermarkCover", StringComparison.Ordinal).Replace("_x0000_s1025", "_x0000_s1026", StringComparison.Ordinal))));
        return new Header(p);
    }

    /// <summary>The cover page's footer: empty.</summary>
    public static Footer FirstPageFooter() =>
        new(new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = "Footer" } }));
}
