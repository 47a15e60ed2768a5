using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyDocs.Diff;

namespace PolicyDocs.Rendering.Docx.Redline;

/// <summary>
/// The redline's own first page, before the document: "Changes from version X (date) to Y (date)", a note that the
/// page is a summary and no tracked change, and each changed section with its change and class (normative or
/// editorial), linked to the section's bookmark. It is the redline's first section (its own page size and margins,
/// no header or footer) and starts with the bookmark <see cref="Bookmark"/>, so that readers and tests can tell it
/// from the document, which begins at the cover after it. Its text is plain text in Normal, Title and Subtitle
/// styles, never a heading style, so that an updated contents never lists it.
/// </summary>
internal static class RedlineFrontPage
{
    /// <summary>The bookmark on the front page's first paragraph.</summary>
    public const string Bookmark = "_RedlineSummary";

    /// <summary>The note on the page.</summary>
    public const string Note = "This page summarises the redline that follows. It is not a tracked change and is part of neither version: accepting or rejecting the changes leaves it as it is; delete it to obtain the version.";

    /// <summary>
    /// The front page's paragraphs. <paramref name="pageLayout"/> is the document's own section properties, whose
    /// page size and margins the page takes.
    /// </summary>
    public static IReadOnlyList<Paragraph> Build(DocumentChange change, string documentTitle, RedlineAttribution dates, SectionProperties? pageLayout, int bookmarkId)
    {
        var result = new List<Paragraph>();
        var title = Paragraph("Title", $"Changes from {Version(change.FromVersion)} ({Date(dates.FromDate)}) to {Version(change.ToVersion)} ({Date(dates.ToDate)})");
        var id = bookmarkId.ToString(CultureInfo.InvariantCulture);
        title.InsertAfter(new BookmarkStart { Name = Bookmark, Id = id }, title.ParagraphProperties);
        title.Append(new BookmarkEnd { Id = id });
        result.Add(title);
        result.Add(Paragraph("Subtitle", documentTitle));
        result.Add(Paragraph("Normal", Note));

        var normative = change.Sections.Count(s => s.Class == ChangeClass.Normative);
        result.Add(Paragraph("Normal", change.Sections.Count switch
        {
            0 => "No section changed; the changes are in the cover, the document history or the page header.",
            var n => $"{n} section{(n == 1 ? "" : "s")} changed, {normative} normative and {n - normative} editorial (normative: the words of a requirement changed; editorial: only how it reads):",
        }));
        foreach (var s in change.Sections)
        {
            var p = Paragraph("Normal", null);
            p.ParagraphProperties!.Indentation = new Indentation { Left = "360" };
            var section = s.NewSection ?? s.OldSection;
            var label = s.Kind == ChangeKind.Moved && s.OldNumber is not null && s.NewNumber is not null ? $"{s.OldNumber} \u2192 {s.NewNumber}" : s.Number;
            var text = $"{label} {s.Title}".Trim();
            if (section is not null)
            {
                var link = new Hyperlink { Anchor = DocxNames.SectionBookmark(section.Source), History = true };
                DocxBodyWriter.AppendText(link, text, new DocxBodyWriter.Format(false, false, false, false, true));
                p.Append(link);
            }
            else DocxBodyWriter.AppendText(p, text, default);
            DocxBodyWriter.AppendText(p, $" \u2014 {Kind(s)}, {(s.Class == ChangeClass.Normative ? "normative" : "editorial")}", default);
            result.Add(p);
        }
        if (change.Metadata.Count > 0)
            result.Add(Paragraph("Normal", "Also changed: " + string.Join(", ", change.Metadata.Select(m => m.Field).Distinct(StringComparer.Ordinal)) + " (editorial)."));

        // The section break that ends the page: the document's page size and margins, no header or footer.
        var last = result[^1];
        var sectPr = new SectionProperties();
        if (pageLayout?.GetFirstChild<PageSize>() is { } size) sectPr.Append(size.CloneNode(true));
        if (pageLayout?.GetFirstChild<PageMargin>() is { } margin) sectPr.Append(margin.CloneNode(true));
        last.ParagraphProperties!.Append(sectPr);
        return result;
    }

    private static string Version(string? version) => version is null ? "(no version stated)" : "version " + version;

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "no date stated";

    private static string Kind(SectionChange s) => s.Kind switch
    {
        ChangeKind.Added => "added",
        ChangeKind.Removed => "removed",
        ChangeKind.Moved => "moved",
        _ => "modified",
    };

    private static Paragraph Paragraph(string style, string? text)
    {
        var p = new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = style } });
        if (text is not null) DocxBodyWriter.AppendText(p, text, default);
        return p;
    }
}
