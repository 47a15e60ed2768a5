using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyDocs.Matrix;
using PolicyDocs.Model.Data;

namespace PolicyDocs.Rendering.Docx;

/// <summary>
/// The appendix "Recommendations by impact level" of one Word document (policyset.yaml <c>matrix.docx_appendix</c>):
/// the recommendations that apply at the level of any CA the document applies to, with the sections that address
/// them, linked to their bookmarks when they are in this document. The header row repeats on every page, no row
/// splits across pages, and the seven columns are set in 9 pt at widths that fit each column's longest word.
/// </summary>
internal static class DocxMatrixAppendix
{
    /// <summary>Bookmark of the appendix heading.</summary>
    public const string Bookmark = "_Matrix";

    /// <summary>The appendix heading, also its entry in the contents.</summary>
    public const string Title = "Recommendations by impact level";

    private static readonly string[] Header = ["Id", "Chapter", "Recommendation", "Kind", "Level", "Status", "Addressed in"];

    /// <summary>The table's font size in half-points: 9 pt, so that seven columns keep their words whole.</summary>
    private const int HalfPoints = 18;

    /// <summary>The rows that apply to the document's CAs, chapter by chapter in file order.</summary>
    public static List<MatrixRow> RowsFor(RecommendationMatrix matrix, string documentId)
    {
        var columns = new List<int>();
        for (var i = 0; i < matrix.Cas.Length; i++)
            if (matrix.Cas[i].Documents.Contains(documentId)) columns.Add(i);
        var rows = new List<MatrixRow>();
        foreach (var row in matrix.Rows)
            if (columns.Exists(i => row.Cells[i].Applies)) rows.Add(row);
        return rows;
    }

    /// <summary>Whether the document gets the appendix: some recommendation applies to its CAs.</summary>
    public static bool Applies(RecommendationMatrix matrix, string documentId) => RowsFor(matrix, documentId).Count > 0;

    /// <summary>Appends the appendix to <paramref name="body"/> when any recommendation applies to the document.</summary>
    internal static void Append(Body body, RecommendationMatrix matrix, DocxContext context)
    {
        var rows = RowsFor(matrix, context.Document.Id);
        if (rows.Count == 0) return;
        body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
        var heading = new Paragraph(new ParagraphProperties
        {
            ParagraphStyleId = new ParagraphStyleId { Val = "Heading1" },
            OutlineLevel = new OutlineLevel { Val = 0 },
        });
        var id = context.NextBookmarkId().ToString(CultureInfo.InvariantCulture);
        heading.Append(new BookmarkStart { Name = Bookmark, Id = id });
        DocxBodyWriter.AppendText(heading, Title, default);
        heading.Append(new BookmarkEnd { Id = id });
        body.Append(heading);
        var intro = new Paragraph();
        DocxBodyWriter.AppendText(intro, $"The recommendations that apply at the impact level of the CAs this document covers, and the sections that address them ({rows.Count} recommendation{(rows.Count == 1 ? "" : "s")}).", default);
        body.Append(intro);
        body.Append(Table(rows, context));
        body.Append(new Paragraph());
    }

    private static Table Table(List<MatrixRow> rows, DocxContext context)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = false, NoVerticalBand = true }),
            new TableGrid());
        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < Header.Length; i++)
        {
            var p = new Paragraph();
            DocxBodyWriter.AppendText(p, Header[i], new DocxBodyWriter.Format(true, false, false, false, false));
            header.Append(Cell(p));
        }
        table.Append(header);
        foreach (var row in rows)
        {
            var rec = row.Recommendation;
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            string[] texts = [rec.Id, rec.Chapter, rec.Text, RecommendationRecord.KindName(rec.Kind), rec.Level, RecommendationRecord.StatusName(rec.Status)];
            foreach (var text in texts)
            {
                var p = new Paragraph();
                DocxBodyWriter.AppendText(p, text, default);
                tr.Append(Cell(p));
            }
            tr.Append(Cell(Sections(rec, context)));
            table.Append(tr);
        }
        foreach (var run in table.Descendants<Run>())
        {
            var rPr = run.RunProperties ??= new RunProperties();
            rPr.FontSize = new FontSize { Val = HalfPoints.ToString(CultureInfo.InvariantCulture) };
            rPr.FontSizeComplexScript = new FontSizeComplexScript { Val = HalfPoints.ToString(CultureInfo.InvariantCulture) };
        }
        DocxTableLayout.Apply(table, context.Reference.TextWidth, null, HalfPoints);
        return table;
    }

    private static Paragraph Sections(RecommendationRecord rec, DocxContext context)
    {
        var p = new Paragraph();
        for (var i = 0; i < rec.Sections.Length; i++)
        {
            var s = rec.Sections[i];
            if (i > 0) DocxBodyWriter.AppendText(p, ", ", default);
            if (s.DocumentId == context.Document.Id && context.SectionBookmark(s.Number) is { } bookmark)
            {
                var link = new Hyperlink { Anchor = bookmark, History = true };
                DocxBodyWriter.AppendText(link, s.Number, new DocxBodyWriter.Format(false, false, false, false, true));
                p.Append(link);
            }
            else DocxBodyWriter.AppendText(p, s.ToString(), default);
        }
        return p;
    }

    private static TableCell Cell(OpenXmlElement content) => new(new TableCellProperties(), content);
}
