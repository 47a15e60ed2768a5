using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PolicyDocs.Rendering.Docx;

using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

/// <summary>
/// Column widths of a Word table from what it holds, as a typesetter sets them: every column at least as wide as its
/// longest word, so no word is broken inside (only a string longer than a share of the page must break), and the
/// rest of the text width shared by how much text each column has on its longest line. The table gets a fixed layout
/// at the full text width, so Word and LibreOffice show exactly these widths instead of equal ones.
/// </summary>
internal static class DocxTableLayout
{
    /// <summary>Left plus right cell margin of the table styles (108 twips each), with the borders.</summary>
    private const int CellPadding = 230;

    /// <summary>What one column needs, in twips: its longest word (the least it can be) and its longest line (what it would take unwrapped).</summary>
    internal readonly record struct Column(int Minimum, int Preferred);

    /// <summary>
    /// Sets the grid, cell widths, width and fixed layout of <paramref name="table"/> for a text width of
    /// <paramref name="textWidth"/> twips, measuring its text at <paramref name="halfPoints"/> (the body's 10.5 pt by
    /// default). <paramref name="hints"/>, when given with differing values, are the author's relative widths (a pipe
    /// table's delimiter dashes): they replace the measured line lengths, never the longest words.
    /// </summary>
    public static void Apply(Table table, int textWidth, IReadOnlyList<double>? hints = null, int halfPoints = 21)
    {
        var rows = table.Elements<TableRow>().ToList();
        var count = rows.Count == 0 ? 0 : rows.Max(r => r.Elements<TableCell>().Count());
        if (count == 0) return;
        var columns = new Column[count];
        foreach (var row in rows)
        {
            var i = 0;
            foreach (var cell in row.Elements<TableCell>())
            {
                var (word, line) = Measure(cell, halfPoints);
                columns[i] = new Column(Math.Max(columns[i].Minimum, word), Math.Max(columns[i].Preferred, line));
                i++;
            }
        }
        if (hints is { Count: > 0 } h && h.Count == count && h.All(x => x > 0) && h.Distinct().Count() > 1)
        {
            var measured = columns.Sum(c => (double)c.Preferred);
            var hinted = h.Sum();
            for (var i = 0; i < count; i++)
                columns[i] = columns[i] with { Preferred = Math.Max(columns[i].Minimum, (int)(h[i] / hinted * measured)) };
        }
        var widths = Widths(columns, textWidth);

        var properties = table.GetFirstChild<TableProperties>() ?? table.PrependChild(new TableProperties());
        properties.TableWidth = new TableWidth { Width = textWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa };
        properties.TableLayout = new TableLayout { Type = TableLayoutValues.Fixed };
        var grid = new TableGrid(widths.Select(w => new GridColumn { Width = Twips(w) }));
        if (table.GetFirstChild<TableGrid>() is { } old) table.ReplaceChild(grid, old);
        else properties.InsertAfterSelf(grid);
        foreach (var row in rows)
        {
            var i = 0;
            foreach (var cell in row.Elements<TableCell>())
            {
                var tcPr = cell.TableCellProperties ??= new TableCellProperties();
                tcPr.TableCellWidth = new TableCellWidth { Width = Twips(widths[i++]), Type = TableWidthUnitValues.Dxa };
            }
        }
    }

    /// <summary>
    /// Widths in twips that add up to <paramref name="total"/>: when the longest lines fit, each column gets its line
    /// and the room left over in the same proportion; otherwise each gets its longest word and the room left is shared
    /// by how much more each would take. Only when the longest words alone do not fit are they shrunk in proportion.
    /// </summary>
    internal static int[] Widths(IReadOnlyList<Column> columns, int total)
    {
        var n = columns.Count;
        // A word longer than this share of the line (a fingerprint, a URL) breaks anyway: it does not starve the others.
        var cap = Math.Max(total / Math.Max(n, 2), total * 2 / 5);
        var min = columns.Select(c => (double)Math.Min(Math.Max(c.Minimum, CellPadding), cap)).ToArray();
        var pref = columns.Select((c, i) => Math.Max(min[i], c.Preferred)).ToArray();
        var widths = new double[n];
        if (pref.Sum() <= total)
            for (var i = 0; i < n; i++) widths[i] = pref[i] * total / pref.Sum();
        else if (min.Sum() <= total)
        {
            var room = total - min.Sum();
            var extra = pref.Select((p, i) => p - min[i]).ToArray();
            for (var i = 0; i < n; i++) widths[i] = min[i] + (extra.Sum() == 0 ? room / n : room * extra[i] / extra.Sum());
        }
        else
            for (var i = 0; i < n; i++) widths[i] = min[i] * total / min.Sum();
        var result = widths.Select(w => (int)Math.Floor(w)).ToArray();
        // What rounding left goes a twip each to the columns that lost most to it, the one with more text first, so
        // that no column ends up narrower than one with the same longest word and less text.
        var order = Enumerable.Range(0, n).OrderByDescending(i => widths[i] - result[i]).ThenByDescending(i => pref[i]).ThenBy(i => i).ToArray();
        for (var k = 0; result.Sum() < total; k++) result[order[k % n]]++;
        return result;
    }

    /// <summary>The widest word and the widest line of a cell's text, in twips with the cell's margins.</summary>
    private static (int Word, int Line) Measure(TableCell cell, int halfPoints)
    {
        double word = 0, line = 0;
        foreach (var p in cell.Elements<Paragraph>())
        {
            double currentWord = 0, currentLine = 0;
            foreach (var e in p.Descendants())
            {
                if (e is Break or CarriageReturn)
                {
                    line = Math.Max(line, currentLine);
                    currentWord = currentLine = 0;
                }
                else if (e is TabChar) currentLine += 2;
                else if (e is Text t)
                {
                    var bold = t.Parent is Run { RunProperties.Bold: not null } || IsHeader(cell);
                    foreach (var c in t.Text)
                    {
                        var ems = Ems(c) * (bold ? 1.1 : 1.0);
                        currentLine += ems;
                        if (char.IsWhiteSpace(c)) currentWord = 0;
                        else
                        {
                            currentWord += ems;
                            // Whole up to a space: a date ("2025-01-01") or a hyphenated term is not broken at its hyphens either.
                            word = Math.Max(word, currentWord);
                        }
                    }
                }
            }
            line = Math.Max(line, currentLine);
        }
        var em = halfPoints * 10.0;
        return ((int)Math.Ceiling(word * em * 1.03) + CellPadding, (int)Math.Ceiling(line * em) + CellPadding);
    }

    private static bool IsHeader(TableCell cell) =>
        cell.Parent is TableRow { TableRowProperties: { } trPr } && trPr.GetFirstChild<TableHeader>() is not null;

    /// <summary>
    /// The advance width of a character in ems, generous: the wider of the body font's (Calibri, or its metric twin
    /// Carlito) and of DejaVu Sans, which LibreOffice sets in its place where neither is installed.
    /// </summary>
    private static double Ems(char c) => c switch
    {
        ' ' or '\u00A0' => 0.32,
        'i' or 'j' or 'l' or 'I' or '.' or ',' or ':' or ';' or '\'' or '!' or '|' => 0.3,
        'f' or 't' or 'r' or '(' or ')' or '[' or ']' or '-' or '/' => 0.42,
        'm' => 0.98,
        'w' => 0.82,
        'M' or 'W' => 0.99,
        >= 'A' and <= 'Z' => 0.74,
        >= '0' and <= '9' => 0.64,
        >= 'a' and <= 'z' => 0.62,
        >= '\u2E80' => 1.0,
        _ => 0.7,
    };

    private static string Twips(int value) => value.ToString(CultureInfo.InvariantCulture);
}
