using System.Collections.Immutable;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyDocs.Diff;

namespace PolicyDocs.Rendering.Docx.Redline;

/// <summary>
/// Table rows as tracked changes: an inserted or deleted row carries w:trPr/w:ins|w:del and its cell contents are
/// marked too; a modified row is compared cell by cell. A cell's last paragraph mark is never marked deleted.
/// </summary>
internal sealed class RowRedline(RevisionMarks marks, ParagraphRedline paragraphs)
{
    /// <summary>Marks a wholly inserted row.</summary>
    public void Insert(TableRow row)
    {
        Mark(row, marks.InsertMark());
        foreach (var cell in row.Elements<TableCell>())
        {
            var ps = cell.Elements<Paragraph>().ToList();
            for (var i = 0; i < ps.Count; i++) paragraphs.Insert(ps[i], keepMark: i == ps.Count - 1);
        }
    }

    /// <summary>Turns a row of the old version into a wholly deleted one.</summary>
    public void Delete(TableRow row)
    {
        Mark(row, marks.DeleteMark());
        foreach (var cell in row.Elements<TableCell>())
        {
            var ps = cell.Elements<Paragraph>().ToList();
            for (var i = 0; i < ps.Count; i++) paragraphs.Delete(ps[i], keepMark: i == ps.Count - 1);
        }
    }

    /// <summary>True when the row is marked inserted.</summary>
    public static bool IsInserted(TableRow row) => row.TableRowProperties?.GetFirstChild<Inserted>() is not null;

    /// <summary>
    /// Shows the changes from <paramref name="old"/> to <paramref name="row"/> cell by cell; false when the rows
    /// have different numbers of cells (the caller then shows a deleted and an inserted row).
    /// </summary>
    public bool Compose(TableRow row, TableRow old, ImmutableArray<IReadOnlyList<DiffSpan>> cellSpans)
    {
        var newCells = row.Elements<TableCell>().ToList();
        var oldCells = old.Elements<TableCell>().ToList();
        if (newCells.Count != oldCells.Count) return false;
        for (var c = 0; c < newCells.Count; c++)
        {
            var np = newCells[c].Elements<Paragraph>().ToList();
            var op = oldCells[c].Elements<Paragraph>().ToList();
            var model = !cellSpans.IsDefaultOrEmpty && cellSpans.Length == newCells.Count && np.Count == 1 && op.Count == 1 ? cellSpans[c] : null;
            var shared = Math.Min(np.Count, op.Count);
            for (var i = 0; i < shared; i++)
                paragraphs.Compose(np[i], op[i], TextDiff.Fit(model, ParagraphRedline.Text(op[i]), ParagraphRedline.Text(np[i])));
            for (var i = shared; i < np.Count; i++) paragraphs.Insert(np[i], keepMark: i == np.Count - 1);
            var before = np[^1];
            for (var i = shared; i < op.Count; i++)
            {
                var gone = (Paragraph)op[i].CloneNode(true);
                paragraphs.Delete(gone);
                before.InsertBeforeSelf(gone);
            }
        }
        return true;
    }

    private static void Mark(TableRow row, DocumentFormat.OpenXml.OpenXmlElement revision)
    {
        var trPr = row.TableRowProperties;
        if (trPr is null)
        {
            trPr = new TableRowProperties();
            row.PrependChild(trPr);
        }
        trPr.Append(revision);
    }
}
