using CsCheck;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyDocs.Rendering.Docx;
using PolicyDocs.Tests.Support;
using Xunit;
using Run = PolicyDocs.Tests.Support.Run;

namespace PolicyDocs.Tests.Rendering.Docx;

/// <summary>Page setup, language, table layout and the "No stipulation." style of the Word documents.</summary>
public sealed class DocxLayoutTests
{
    private const int A4TextWidth = 11906 - 1247 - 1247;

    private const string RevisionTable = """
        | Version | Date | Changes |
        |---|---|---|
        | 1.0 | 2025-01-01 | First version, approved by the Policy Authority after the public consultation on the draft. |
        | 1.1 | 2025-06-01 | Revocation reasons aligned with the Baseline Requirements; OCSP response validity reduced to four days; editorial changes throughout. |
        """;

    private static WordprocessingDocument Open(PolicySetBuilder b, string id = "cp")
    {
        var c = Run.Compile(b);
        Assert.True(c.ErrorCount == 0, c.Dump());
        var docx = DocxRenderer.Render(c.Published!.Find(id)!);
        Assert.Empty(DocxTestKit.Problems(docx));
        return WordprocessingDocument.Open(new MemoryStream(docx), false);
    }

    private static Table BodyTable(WordprocessingDocument word, string firstHeaderCell) =>
        word.MainDocumentPart!.Document!.Body!.Elements<Table>().Single(t => t.Elements<TableRow>().First().Elements<TableCell>().First().InnerText == firstHeaderCell
                                                                            && t.Elements<TableRow>().First().Elements<TableCell>().Last().InnerText == "Changes");

    private static int[] Grid(Table t) => [.. t.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(g => int.Parse(g.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public void A_tables_columns_are_as_wide_as_their_text_at_a_fixed_full_width_and_rows_do_not_split()
    {
        using var word = Open(PolicySetBuilder.Valid().Body("cp", "1.2", "Revisions:\n\n" + RevisionTable));
        var table = BodyTable(word, "Version");
        var grid = Grid(table);
        Assert.Equal(A4TextWidth, grid.Sum());
        // The long "Changes" column takes most of the line; "Version" and "Date" keep their words whole.
        Assert.True(grid[2] > A4TextWidth * 0.6, string.Join(",", grid));
        Assert.True(grid[0] > 900 && grid[1] > 1100, string.Join(",", grid));
        var tblPr = table.GetFirstChild<TableProperties>()!;
        Assert.Equal(TableLayoutValues.Fixed, tblPr.TableLayout!.Type!.Value);
        Assert.Equal(TableWidthUnitValues.Dxa, tblPr.TableWidth!.Type!.Value);
        Assert.Equal(A4TextWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), tblPr.TableWidth.Width!.Value);
        var rows = table.Elements<TableRow>().ToList();
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.All(rows, r => Assert.NotNull(r.TableRowProperties!.GetFirstChild<CantSplit>()));
        Assert.All(rows.Skip(1), r => Assert.Null(r.TableRowProperties!.GetFirstChild<TableHeader>()));
        // Every cell states the width of its grid column.
        Assert.All(rows, r => Assert.Equal(grid, r.Elements<TableCell>().Select(tc => int.Parse(tc.TableCellProperties!.TableCellWidth!.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void Widths_fill_the_line_and_give_every_column_its_longest_word_when_the_words_fit()
    {
        var column = Gen.Int[0, 4000].SelectMany(min => Gen.Int[0, 30000].Select(extra => new DocxTableLayout.Column(min, min + extra)));
        Gen.Select(column.Array[1, 9], Gen.Int[3000, 14000]).Sample((columns, total) =>
        {
            var widths = DocxTableLayout.Widths(columns, total);
            Assert.Equal(total, widths.Sum());
            Assert.All(widths, w => Assert.True(w > 0));
            var cap = Math.Max(total / Math.Max(columns.Length, 2), total * 2 / 5);
            var minima = columns.Select(c => Math.Min(Math.Max(c.Minimum, 230), cap)).ToArray();
            if (minima.Sum() <= total)
                for (var i = 0; i < columns.Length; i++) Assert.True(widths[i] >= minima[i] - 1, $"column {i}: {widths[i]} < {minima[i]}");
            // More text never means a narrower column than one with the same longest word.
            for (var i = 0; i < columns.Length; i++)
                for (var j = 0; j < columns.Length; j++)
                    if (columns[i].Minimum == columns[j].Minimum && columns[i].Preferred > columns[j].Preferred) Assert.True(widths[i] >= widths[j] - 1);
        }, iter: 500);
    }

    [Fact]
    public void The_default_page_is_A4_in_British_English()
    {
        using var word = Open(PolicySetBuilder.Valid());
        var sectPr = word.MainDocumentPart!.Document!.Body!.Elements<SectionProperties>().Last();
        Assert.Equal((11906u, 16838u), (sectPr.GetFirstChild<PageSize>()!.Width!.Value, sectPr.GetFirstChild<PageSize>()!.Height!.Value));
        Assert.Equal("en-GB", Language(word));
    }

    [Fact]
    public void Policyset_page_and_lang_set_the_paper_text_width_and_language()
    {
        var b = PolicySetBuilder.Valid().Edit("policyset.yaml", y => y + "page: letter\nlang: en-US\n").Body("cp", "1.2", "Revisions:\n\n" + RevisionTable);
        using var word = Open(b);
        var sectPr = word.MainDocumentPart!.Document!.Body!.Elements<SectionProperties>().Last();
        Assert.Equal((12240u, 15840u), (sectPr.GetFirstChild<PageSize>()!.Width!.Value, sectPr.GetFirstChild<PageSize>()!.Height!.Value));
        Assert.Equal("en-US", Language(word));
        Assert.Equal(12240 - 1247 - 1247, Grid(BodyTable(word, "Version")).Sum());
    }

    [Fact]
    public void A_documents_own_lang_wins_over_the_policy_sets()
    {
        var b = PolicySetBuilder.Valid().Edit("policyset.yaml", y => y + "lang: en-US\n").Edit("documents/cp/document.yaml", y => y + "lang: en-CA\n");
        using var word = Open(b);
        Assert.Equal("en-CA", Language(word));
    }

    [Fact]
    public void A_key_ceremony_script_takes_the_paper_size_too()
    {
        var sample = PolicySetBuilder.Sample().Edit("policyset.yaml", y => y + "page: letter\n");
        var c = Run.Compile(sample);
        var ceremony = c.Published!.Set.Ceremonies[0];
        var docx = CeremonyDocx.Render(c.Published!.Set, ceremony, c.Templates);
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Equal(12240u, word.MainDocumentPart!.Document!.Body!.Elements<SectionProperties>().Last().GetFirstChild<PageSize>()!.Width!.Value);
    }

    [Fact]
    public void No_stipulation_is_set_in_the_body_style()
    {
        using var word = Open(PolicySetBuilder.Valid());
        var style = word.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == "NoStipulation");
        Assert.Equal("Normal", style.BasedOn!.Val!.Value);
        // Nothing sets it apart from the body text: no italic, no grey, no spacing of its own.
        Assert.Null(style.StyleRunProperties);
        Assert.Null(style.StyleParagraphProperties);
    }

    private static string? Language(WordprocessingDocument word) =>
        word.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.Languages!.Val!.Value;
}
