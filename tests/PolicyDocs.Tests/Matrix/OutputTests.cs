using PolicyDocs.Pipeline;
using System.Text;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using PolicyDocs.Matrix;
using Xunit;

namespace PolicyDocs.Tests.Matrix;

public sealed class OutputTests
{
    private const string Recs = """
        - id: KEY-01
          chapter: Key protection
          text: Keep CA keys in an HSM, "validated", at level 3.
          kind: strategic
          level: Medium
          sections: [cps:6.2.1, cp:6.2.1]
          status: implemented
        - id: PROC-01
          chapter: PKI process security
          text: Publish a formal CP.
          kind: strategic
          level: High External
          sections: [cp:1.1]
          status: partial
          owner: PA
        - id: KEY-02
          chapter: Key protection
          text: Split activation data.
          kind: tactical
          level: High Internal
          status: planned
          due: 2026-09-30
        """;

    private static PolicyDocs.Compiling.Compilation Compile(TestPolicySet t)
    {
        t.Recommendations = Recs;
        return t.Compile();
    }

    [Fact]
    public void Csv_has_header_and_one_quoted_row_per_recommendation_grouped_by_chapter()
    {
        using var t = new TestPolicySet();
        var csv = MatrixCsv.Write(MatrixTable.From(Compile(t).Published!.Matrix));
        var lines = csv.Split("\r\n");
        Assert.Equal(5, lines.Length); // header, 3 rows, empty after the final CRLF
        Assert.Equal("", lines[^1]);
        Assert.DoesNotContain('\n', csv.Replace("\r\n", "", StringComparison.Ordinal));
        Assert.Equal("Id,Chapter,Recommendation,Kind,Level,Applies at Medium,Applies at High Internal,Applies at High External,Status,Sections,Owner,Due,Justification," +
                     "Test Root CA (root),Test Root CA (root) sections,Test Internal CA (internal),Test Internal CA (internal) sections", lines[0]);
        // chapters in order of first appearance, rows in file order within a chapter
        Assert.Equal(["KEY-01", "KEY-02", "PROC-01"], lines[1..4].Select(l => l.Split(',')[0]));
        Assert.Equal("KEY-01,Key protection,\"Keep CA keys in an HSM, \"\"validated\"\", at level 3.\",strategic,Medium,yes,yes,yes,implemented,cps:6.2.1 cp:6.2.1,,,," +
                     "implemented,cps:6.2.1 cp:6.2.1,implemented,cps:6.2.1 cp:6.2.1", lines[1]);
        Assert.Equal("KEY-02,Key protection,Split activation data.,tactical,High Internal,no,yes,yes,planned,,,2026-09-30,,planned,,not required,", lines[2]);
        Assert.Equal("PROC-01,PKI process security,Publish a formal CP.,strategic,High External,no,no,yes,partial,cp:1.1,PA,,,partial,cp:1.1,not required,", lines[3]);
    }

    [Fact]
    public void Xlsx_reads_back_with_frozen_header_autofilter_widths_and_rows()
    {
        using var t = new TestPolicySet();
        var matrix = Compile(t).Published!.Matrix;
        var bytes = MatrixXlsx.Write(matrix);
        Assert.Equal(bytes, MatrixXlsx.Write(matrix)); // deterministic
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc, TestContext.Current.CancellationToken));
        var wb = doc.WorkbookPart!;
        var sheets = wb.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Recommendations", "Coverage"], sheets.Select(s => s.Name!.Value));
        var ws = ((WorksheetPart)wb.GetPartById(sheets[0].Id!)).Worksheet;
        var pane = ws.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1, pane.VerticalSplit!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        Assert.Equal("A1:Q4", ws.Descendants<AutoFilter>().Single().Reference!.Value);
        var columns = ws.Descendants<Column>().ToList();
        Assert.Equal(17, columns.Count);
        Assert.All(columns, c => Assert.True(c.CustomWidth!.Value && c.Width!.Value >= 8));
        var rows = ws.Descendants<Row>().ToList();
        Assert.Equal(4, rows.Count);
        string Text(Row r, int i) => r.Elements<Cell>().ElementAt(i).InnerText;
        Assert.Equal("Id", Text(rows[0], 0));
        Assert.Equal(["KEY-01", "KEY-02", "PROC-01"], rows.Skip(1).Select(r => Text(r, 0)));
        Assert.Equal("Keep CA keys in an HSM, \"validated\", at level 3.", Text(rows[1], 2));
        Assert.Equal("cps:6.2.1 cp:6.2.1", Text(rows[1], 14));
        var coverage = ((WorksheetPart)wb.GetPartById(sheets[1].Id!)).Worksheet.Descendants<Row>().ToList();
        Assert.Equal(3, coverage.Count);
        Assert.Equal(["Test Root CA", "root", "High External", "3", "1", "1", "1", "0", "0", "66"], coverage[1].Elements<Cell>().Select(c => c.InnerText));
    }

    [Fact]
    public void Xlsx_zip_has_fixed_order_and_timestamps()
    {
        using var t = new TestPolicySet();
        var bytes = MatrixXlsx.Write(Compile(t).Published!.Matrix);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        Assert.Equal("[Content_Types].xml", zip.Entries[0].FullName);
        Assert.Equal("_rels/.rels", zip.Entries[1].FullName);
        Assert.All(zip.Entries, e => Assert.Equal(1980, e.LastWriteTime.Year));
        var rest = zip.Entries.Skip(2).Select(e => e.FullName).ToList();
        Assert.Equal(rest.Order(StringComparer.Ordinal), rest);
    }

    [Fact]
    public void Site_has_the_matrix_page_downloads_section_lines_and_approvals()
    {
        using var t = new TestPolicySet();
        var c = Compile(t);
        var output = SiteBuilder.Build(c.Published!).Output;
        Assert.True(output.Contains("matrix/recommendations.csv"));
        Assert.True(output.Contains("matrix/recommendations.xlsx"));
        Assert.Contains(output.Files, f => System.Text.RegularExpressions.Regex.IsMatch(f.Key, @"^assets/matrix\.[0-9a-f]{8}\.js$"));
        var parser = new HtmlParser();
        var page = parser.ParseDocument(Encoding.UTF8.GetString(output.Get("matrix/index.html")!));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        Assert.Contains(page.QuerySelectorAll("script[src]"), e => System.Text.RegularExpressions.Regex.IsMatch(e.GetAttribute("src")!, @"^\.\./assets/matrix\.[0-9a-f]{8}\.js$"));
        var row = page.GetElementById("rec-KEY-01")!;
        Assert.Equal("0", row.GetAttribute("data-level"));
        Assert.Equal("root internal", row.GetAttribute("data-cas"));
        var links = row.QuerySelectorAll("td[data-ca='root'] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["../cps/index.html#section-6.2.1", "../cp/index.html#section-6.2.1"], links);
        var notRequired = page.GetElementById("rec-PROC-01")!.QuerySelector("td[data-ca='internal']")!;
        Assert.Equal("–", notRequired.TextContent.Trim());
        Assert.Empty(notRequired.QuerySelectorAll("a"));
        Assert.Equal(["key-protection", "pki-process-security"], page.QuerySelectorAll("tbody[data-chapter]").Select(b => b.GetAttribute("data-chapter")));
        foreach (var name in (string[])["level", "chapter", "kind", "status", "ca"])
            Assert.NotNull(page.QuerySelector($"#matrix-filters select[name='{name}']"));
        Assert.Contains("66%", page.QuerySelector(".matrix-coverage tr[data-ca='root']")!.TextContent);

        var cps = parser.ParseDocument(Encoding.UTF8.GetString(output.Get("cps/index.html")!));
        var line = cps.QuerySelector("#section-6\\.2\\.1 > p.addresses-recommendations")!;
        Assert.Equal("Addresses recommendations: KEY-01", line.TextContent);
        Assert.Equal("../matrix/index.html#rec-KEY-01", line.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(cps.QuerySelector("#section-6\\.2\\.2 > p.addresses-recommendations"));
        var revision = cps.QuerySelector("table.revisions tbody tr")!;
        Assert.Contains("PA meeting 1 (2026-01-10)", revision.TextContent);
        Assert.Contains("members: Alice, Bob, Carol", revision.TextContent);
    }

    [Fact]
    public void Console_report_filters_by_ca()
    {
        using var t = new TestPolicySet();
        var m = Compile(t).Published!.Matrix;
        var text = MatrixReport.Text(m, "internal");
        Assert.Contains("internal (Medium): 1/1 addressed (100%): 1 implemented, 0 partial, 0 not applicable, 0 planned, 0 gaps", text);
        Assert.DoesNotContain("PROC-01", text);
        Assert.DoesNotContain("KEY-02", text);
        Assert.DoesNotContain("root:", text);
        var json = System.Text.Json.JsonDocument.Parse(MatrixReport.Json(m)).RootElement;
        Assert.Equal(3, json.GetProperty("recommendations").GetArrayLength());
        Assert.Equal("not-required", json.GetProperty("recommendations")[2].GetProperty("cas").GetProperty("internal").GetProperty("state").GetString());
        Assert.Equal(1, MatrixReport.Csv(m, "internal").Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }
}
