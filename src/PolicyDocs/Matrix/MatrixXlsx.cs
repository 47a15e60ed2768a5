using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PolicyDocs.Output;

namespace PolicyDocs.Matrix;

using Text = DocumentFormat.OpenXml.Spreadsheet.Text;

/// <summary>
/// Writes the matrix as an Excel workbook with the Open XML SDK: a "Recommendations" sheet (the <see cref="MatrixTable"/>,
/// header row bold and frozen, autofilter on, column widths set) and a "Coverage" sheet (figures per CA).
/// Deterministic: fixed relationship ids, inline strings, no document properties, normalised ZIP.
/// </summary>
internal static class MatrixXlsx
{
    private const uint Bold = 1, Wrap = 2;

    /// <summary>The .xlsx bytes of <paramref name="matrix"/>.</summary>
    public static byte[] Write(RecommendationMatrix matrix)
    {
        var table = MatrixTable.From(matrix);
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
            var recs = wb.AddNewPart<WorksheetPart>("rId1");
            var coverage = wb.AddNewPart<WorksheetPart>("rId2");
            var styles = wb.AddNewPart<WorkbookStylesPart>("rId3");
            styles.Stylesheet = Styles();
            recs.Worksheet = RecommendationsSheet(table);
            coverage.Worksheet = CoverageSheet(matrix);
            var lastRef = $"'Recommendations'!$A$1:${Column(table.Header.Length - 1)}${table.Rows.Length + 1}";
            wb.Workbook = new Workbook(
                new Sheets(
                    new Sheet { Name = "Recommendations", SheetId = 1, Id = "rId1" },
                    new Sheet { Name = "Coverage", SheetId = 2, Id = "rId2" }),
                new DefinedNames(new DefinedName(lastRef) { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true }));
        }
        return DeterministicZip.Normalize(ms.ToArray());
    }

    private static Worksheet RecommendationsSheet(MatrixTable table)
    {
        var widths = new double[table.Header.Length];
        for (var c = 0; c < widths.Length; c++)
            widths[c] = Math.Clamp(new[] { table.Header[c] }.Concat(table.Rows.Select(r => r[c])).Max(s => s.Length) + 2, 8, 60);
        var columns = new Columns();
        for (var c = 0; c < widths.Length; c++)
            columns.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = widths[c], CustomWidth = true });
        var data = new SheetData();
        data.Append(Row(1, table.Header, Bold));
        for (var r = 0; r < table.Rows.Length; r++) data.Append(Row((uint)r + 2, table.Rows[r], Wrap));
        var last = $"{Column(table.Header.Length - 1)}{table.Rows.Length + 1}";
        return new Worksheet(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0, TabSelected = true }),
            columns,
            data,
            new AutoFilter { Reference = "A1:" + last });
    }

    private static Worksheet CoverageSheet(RecommendationMatrix matrix)
    {
        string[] header = ["CA", "Id", "Level", "Applicable", "Implemented", "Partial", "Planned", "Not applicable", "Gaps", "Addressed %"];
        var data = new SheetData();
        data.Append(Row(1, header, Bold));
        uint r = 2;
        foreach (var c in matrix.Coverage())
        {
            var row = new Row { RowIndex = r };
            row.Append(Text(0, r, c.Name, 0), Text(1, r, c.CaId, 0), Text(2, r, c.Level ?? "", 0), Number(3, r, c.Applicable), Number(4, r, c.Implemented),
                Number(5, r, c.Partial), Number(6, r, c.Planned), Number(7, r, c.NotApplicable), Number(8, r, c.Gaps), Number(9, r, c.Percent));
            data.Append(row);
            r++;
        }
        var columns = new Columns();
        for (var c = 0; c < header.Length; c++)
            columns.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = c == 0 ? 32 : 14, CustomWidth = true });
        return new Worksheet(columns, data);
    }

    private static Row Row(uint index, IReadOnlyList<string> values, uint style)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < values.Count; c++) row.Append(Text(c, index, values[c], style));
        return row;
    }

    private static Cell Text(int column, uint row, string value, uint style) => new(new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }))
    {
        CellReference = Column(column) + row, DataType = CellValues.InlineString, StyleIndex = style == 0 ? null : style,
    };

    private static Cell Number(int column, uint row, int value) => new(new CellValue(value))
    {
        CellReference = Column(column) + row,
    };

    /// <summary>Spreadsheet column letters of a 0-based index: 0 → A, 26 → AA.</summary>
    public static string Column(int index)
    {
        var s = "";
        for (index++; index > 0; index = (index - 1) / 26) s = (char)('A' + (index - 1) % 26) + s;
        return s;
    }

    private static Stylesheet Styles() => new(
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true })
        { Count = 3 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
