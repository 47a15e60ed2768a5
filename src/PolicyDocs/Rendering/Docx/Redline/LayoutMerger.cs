using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyDocs.Diff;

namespace PolicyDocs.Rendering.Docx.Redline;

/// <summary>
/// Merges the rendered blocks of the new and the old version along a diff layout (every block in new order, deleted
/// ones where they were): unchanged elements stay, changed ones get word-level marks, inserted ones are marked
/// inserted, and deleted paragraphs and rows of the old version are put back in place, marked deleted.
/// </summary>
internal sealed class LayoutMerger(ParagraphRedline paragraphs, RowRedline rows)
{
    /// <summary>
    /// Returns the merged top-level elements. <paramref name="rendered"/> are the new version's top-level elements;
    /// <paramref name="newOf"/> and <paramref name="oldOf"/> give the paragraph or row rendered for a block of each version.
    /// </summary>
    public List<OpenXmlElement> Merge(List<OpenXmlElement> rendered, IReadOnlyList<(TextBlock Block, BlockChange? Change)> layout,
        Func<TextBlock, OpenXmlElement?> newOf, Func<TextBlock, OpenXmlElement?> oldOf)
    {
        var top = new Dictionary<OpenXmlElement, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < rendered.Count; i++) top[rendered[i]] = i;
        var units = new HashSet<OpenXmlElement>(ReferenceEqualityComparer.Instance);
        foreach (var (block, change) in layout)
            if (change?.Op != DiffOp.Deleted && newOf(block) is { } e) units.Add(e);

        var result = new List<OpenXmlElement>(rendered.Count + 8);
        var pos = 0;
        void FlushTo(int t)
        {
            while (pos <= t && pos < rendered.Count) result.Add(rendered[pos++]);
            // A table's spacing paragraph belongs to the table.
            if (result.Count > 0 && result[^1] is Table && pos < rendered.Count && rendered[pos] is Paragraph p && !units.Contains(p) && p.Elements<Run>().Count() == 0)
                result.Add(rendered[pos++]);
        }

        // The row after which a deleted row of a table compared row by row goes; the table of its own that the rows of
        // an old table deleted whole go into (and that old table).
        TableRow? cursor = null;
        Table? shell = null;
        Table? shellOf = null;
        // New tables whose rows hold the columns of both versions, with the old table they are compared with.
        var widened = new Dictionary<Table, (Table? Old, System.Collections.Immutable.ImmutableArray<(int Old, int New)> Columns)>(ReferenceEqualityComparer.Instance);
        void Widened(OpenXmlElement? row, OpenXmlElement? oldRow, BlockChange change)
        {
            if (change.Columns.IsDefaultOrEmpty || row?.Parent is not Table t) return;
            var oldTable = oldRow?.Parent as Table;
            if (!widened.TryGetValue(t, out var w) || w.Old is null) widened[t] = (oldTable ?? w.Old, change.Columns);
        }
        for (var k = 0; k < layout.Count; k++)
        {
            var (block, change) = layout[k];
            if (change?.Op == DiffOp.Deleted)
            {
                switch (oldOf(block))
                {
                    case Paragraph op:
                        if (op.Parent is not null) op.Remove();
                        paragraphs.Delete(op);
                        result.Add(op);
                        cursor = null;
                        shell = null;
                        break;
                    case TableRow orow:
                        var oldTable = orow.Parent as Table;
                        orow.Remove();
                        rows.Delete(orow, change.Columns);
                        if (change.WholeTable)
                        {
                            // The old table deleted whole: its rows in a table of their own, where the old table was.
                            if (shell is null || !ReferenceEquals(shellOf, oldTable))
                            {
                                shell = new Table();
                                shellOf = oldTable;
                                if (oldTable?.GetFirstChild<TableProperties>() is { } tblPr) shell.Append(tblPr.CloneNode(true));
                                if (oldTable?.GetFirstChild<TableGrid>() is { } grid) shell.Append(grid.CloneNode(true));
                                result.Add(shell);
                                var spacer = new Paragraph(new ParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { After = "0" } });
                                paragraphs.Delete(spacer);
                                result.Add(spacer);
                            }
                            shell.Append(orow);
                            cursor = null;
                            break;
                        }
                        if (cursor is not null) cursor.InsertAfterSelf(orow);
                        else if (NextNew(layout, k, newOf) is TableRow next && next.Parent is Table nt && top.TryGetValue(nt, out var ti))
                        {
                            FlushTo(ti);
                            next.InsertBeforeSelf(orow);
                        }
                        else
                        {
                            // No row of the new table to go by (the caller's table is the only one): at its end.
                            var table = rendered.OfType<Table>().LastOrDefault();
                            if (table is null) break;
                            table.Append(orow);
                        }
                        Widened(orow, null, change);
                        if (oldTable is not null && orow.Parent is Table into && widened.TryGetValue(into, out var w) && w.Old is null) widened[into] = (oldTable, w.Columns);
                        cursor = orow;
                        break;
                }
                continue;
            }
            shell = null;
            var element = newOf(block);
            if (element is null) continue;
            var holder = element is TableRow r ? r.Parent : element;
            if (holder is not null && top.TryGetValue(holder, out var index)) FlushTo(index);
            if (change?.Op == DiffOp.Inserted)
            {
                Insert(element, change.Columns);
                Widened(element, null, change);
            }
            else if (change is not null)
            {
                var old = change.Old is null ? null : oldOf(change.Old);
                Widened(element, old, change);
                switch (element, old)
                {
                    case (Paragraph np, Paragraph op):
                        paragraphs.Compose(np, op, TextDiff.Fit(change.Spans, ParagraphRedline.Text(op), ParagraphRedline.Text(np)));
                        break;
                    case (TableRow nr, TableRow or) when rows.Compose(nr, or, change.CellSpans, change.Columns):
                        break;
                    case (_, null):
                        Insert(element, change.Columns);
                        break;
                    default:
                        // Different shapes (a paragraph became a row, or the cells changed): old deleted, new inserted.
                        if (old.Parent is not null) old.Remove();
                        if (old is TableRow orow2 && element is TableRow)
                        {
                            rows.Delete(orow2);
                            element.InsertBeforeSelf(orow2);
                        }
                        else if (old is Paragraph op2)
                        {
                            paragraphs.Delete(op2);
                            if (element is TableRow) result.Insert(result.Count - 1, op2);
                            else result.Insert(result.IndexOf(element), op2);
                        }
                        Insert(element);
                        break;
                }
            }
            cursor = element as TableRow;
        }
        foreach (var (table, (old, columns)) in widened) RowRedline.WidenGrid(table, old, columns);
        FlushTo(rendered.Count - 1);
        MarkNewTableSpacers(result, units);
        return result;
    }

    private void Insert(OpenXmlElement element, System.Collections.Immutable.ImmutableArray<(int Old, int New)> columns = default)
    {
        if (element is Paragraph p) paragraphs.Insert(p);
        else if (element is TableRow row) rows.Insert(row, columns);
    }

    private static OpenXmlElement? NextNew(IReadOnlyList<(TextBlock Block, BlockChange? Change)> layout, int k, Func<TextBlock, OpenXmlElement?> newOf)
    {
        for (var i = k + 1; i < layout.Count; i++)
            if (layout[i].Change?.Op != DiffOp.Deleted) return newOf(layout[i].Block);
        return null;
    }

    /// <summary>The spacing paragraph after a wholly inserted table is inserted too.</summary>
    private void MarkNewTableSpacers(List<OpenXmlElement> result, HashSet<OpenXmlElement> units)
    {
        for (var i = 0; i + 1 < result.Count; i++)
            if (result[i] is Table t && t.Elements<TableRow>().Any() && t.Elements<TableRow>().All(RowRedline.IsInserted)
                && result[i + 1] is Paragraph p && !units.Contains(p) && ParagraphRedline.MarkOf(p) is null && p.Elements<Run>().Count() == 0)
                paragraphs.Insert(p);
    }
}
