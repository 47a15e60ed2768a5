using System.Collections.Immutable;
using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyDocs.Diff;

namespace PolicyDocs.Rendering.Docx.Redline;

/// <summary>
/// Table rows as tracked changes: an inserted or deleted row carries w:trPr/w:ins|w:del and its cell contents are
/// marked too; a modified row is compared cell by cell. A cell's last paragraph mark is never marked deleted.
/// When the table's columns changed, every row holds the columns of both versions: a column only in the new version is
/// a w:cellIns cell, one only in the old version a w:cellDel cell, and their contents are marked inserted or deleted as
/// well, so that a reader that ignores cell changes still accepts to the new text and rejects to the old.
/// </summary>
internal sealed class RowRedline(RevisionMarks marks, ParagraphRedline paragraphs)
{
    /// <summary>Marks a wholly inserted row; with <paramref name="columns"/>, an empty deleted cell stands for each old-only column.</summary>
    public void Insert(TableRow row, ImmutableArray<(int Old, int New)> columns = default)
    {
        Mark(row, marks.InsertMark());
        foreach (var cell in row.Elements<TableCell>()) InsertContent(cell);
        Pad(row, columns, old: false);
    }

    /// <summary>Turns a row of the old version into a wholly deleted one; with <paramref name="columns"/>, an empty
    /// inserted cell stands for each new-only column.</summary>
    public void Delete(TableRow row, ImmutableArray<(int Old, int New)> columns = default)
    {
        Mark(row, marks.DeleteMark());
        foreach (var cell in row.Elements<TableCell>()) DeleteContent(cell);
        Pad(row, columns, old: true);
    }

    /// <summary>True when the row is marked inserted.</summary>
    public static bool IsInserted(TableRow row) => row.TableRowProperties?.GetFirstChild<Inserted>() is not null;

    /// <summary>
    /// Shows the changes from <paramref name="old"/> to <paramref name="row"/> cell by cell (with <paramref name="columns"/>,
    /// column by column, cells of one version only marked inserted or deleted); false when the rows have different numbers
    /// of cells and no columns are given (the caller then shows a deleted and an inserted row).
    /// </summary>
    public bool Compose(TableRow row, TableRow old, ImmutableArray<IReadOnlyList<DiffSpan>> cellSpans, ImmutableArray<(int Old, int New)> columns = default)
    {
        var newCells = row.Elements<TableCell>().ToList();
        var oldCells = old.Elements<TableCell>().ToList();
        if (columns.IsDefaultOrEmpty)
        {
            if (newCells.Count != oldCells.Count) return false;
            for (var c = 0; c < newCells.Count; c++)
                ComposeCell(newCells[c], oldCells[c], !cellSpans.IsDefaultOrEmpty && cellSpans.Length == newCells.Count ? cellSpans[c] : null);
            return true;
        }
        var merged = new List<TableCell>();
        for (var k = 0; k < columns.Length; k++)
        {
            var (o, n) = columns[k];
            var newCell = n >= 0 && n < newCells.Count ? newCells[n] : null;
            var oldCell = o >= 0 && o < oldCells.Count ? oldCells[o] : null;
            if (newCell is not null && oldCell is not null)
                ComposeCell(newCell, oldCell, !cellSpans.IsDefaultOrEmpty && cellSpans.Length == columns.Length ? cellSpans[k] : null);
            else if (newCell is not null)
            {
                InsertContent(newCell);
                MarkCell(newCell, marks.InsertCell());
            }
            else if (oldCell is not null)
            {
                newCell = (TableCell)oldCell.CloneNode(true);
                DeleteContent(newCell);
                MarkCell(newCell, marks.DeleteCell());
            }
            else newCell = EmptyCell(o < 0);
            merged.Add(newCell);
        }
        Replace(row, merged);
        return true;
    }

    /// <summary>
    /// Gives <paramref name="table"/> (the new version's, its rows holding the columns of both versions) one grid column
    /// per column of <paramref name="columns"/>: the new table's widths, an old-only column its old width, scaled to the
    /// new table's total width; each cell gets its column's width.
    /// </summary>
    public static void WidenGrid(Table table, Table? old, ImmutableArray<(int Old, int New)> columns)
    {
        static List<int> Widths(Table? t) => t?.GetFirstChild<TableGrid>()?.Elements<GridColumn>()
            .Select(g => int.TryParse(g.Width?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : 0).ToList() ?? [];
        var grid = table.GetFirstChild<TableGrid>();
        if (grid is null) return;
        var news = Widths(table);
        var olds = Widths(old);
        if (news.Count == columns.Length) return;
        var total = news.Sum();
        var average = news.Count == 0 ? 0 : total / news.Count;
        var widths = columns.Select(c => c.New >= 0 && c.New < news.Count ? news[c.New] : c.Old >= 0 && c.Old < olds.Count ? olds[c.Old] : average).ToList();
        var sum = widths.Sum();
        if (sum > 0 && total > 0) widths = [.. widths.Select(w => (int)((long)w * total / sum))];
        grid.RemoveAllChildren<GridColumn>();
        foreach (var w in widths) grid.Append(new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) });
        foreach (var row in table.Elements<TableRow>())
        {
            var k = 0;
            foreach (var cell in row.Elements<TableCell>())
            {
                if (k < widths.Count && cell.TableCellProperties?.TableCellWidth is { } tcW && tcW.Type?.Value == TableWidthUnitValues.Dxa)
                    tcW.Width = widths[k].ToString(CultureInfo.InvariantCulture);
                k++;
            }
        }
    }

    private void ComposeCell(TableCell newCell, TableCell oldCell, IReadOnlyList<DiffSpan>? spans)
    {
        var np = newCell.Elements<Paragraph>().ToList();
        var op = oldCell.Elements<Paragraph>().ToList();
        var model = np.Count == 1 && op.Count == 1 ? spans : null;
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

    private void InsertContent(TableCell cell)
    {
        var ps = cell.Elements<Paragraph>().ToList();
        for (var i = 0; i < ps.Count; i++) paragraphs.Insert(ps[i], keepMark: i == ps.Count - 1);
    }

    private void DeleteContent(TableCell cell)
    {
        var ps = cell.Elements<Paragraph>().ToList();
        for (var i = 0; i < ps.Count; i++) paragraphs.Delete(ps[i], keepMark: i == ps.Count - 1);
    }

    /// <summary>Puts the row's cells in the order of <paramref name="columns"/>, with an empty cell for each column the
    /// row's version does not have (inserted in an old row, deleted in a new one).</summary>
    private void Pad(TableRow row, ImmutableArray<(int Old, int New)> columns, bool old)
    {
        if (columns.IsDefaultOrEmpty) return;
        var cells = row.Elements<TableCell>().ToList();
        var merged = columns.Select(c => (old ? c.Old : c.New) is var i and >= 0 && i < cells.Count ? cells[i] : EmptyCell(inserted: old)).ToList();
        Replace(row, merged);
    }

    private TableCell EmptyCell(bool inserted)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = "0", Type = TableWidthUnitValues.Dxa }), new Paragraph());
        MarkCell(cell, inserted ? marks.InsertCell() : marks.DeleteCell());
        return cell;
    }

    private static void Replace(TableRow row, List<TableCell> cells)
    {
        foreach (var cell in row.Elements<TableCell>().ToList()) cell.Remove();
        row.Append(cells);
    }

    private static void MarkCell(TableCell cell, DocumentFormat.OpenXml.OpenXmlElement revision)
    {
        var tcPr = cell.TableCellProperties;
        if (tcPr is null)
        {
            tcPr = new TableCellProperties();
            cell.PrependChild(tcPr);
        }
        tcPr.Append(revision);
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
