using System.IO.Compression;
using System.Xml.Linq;
using PolicyDocs.Model;
using PolicyDocs.Compiling;
using PolicyDocs.Publication;
using PolicyDocs.Rendering.Docx;
using Xunit;
using static PolicyDocs.Tests.Rendering.Docx.DocxTestKit;

namespace PolicyDocs.Tests.Rendering.Docx;

/// <summary>The "Recommendations by impact level" appendix that policyset.yaml <c>matrix.docx_appendix</c> asks for.</summary>
public sealed class MatrixAppendixTests
{
    private static XElement? AppendixTable(XDocument xml)
    {
        var heading = xml.Descendants(W + "bookmarkStart").FirstOrDefault(b => (string?)b.Attribute(W + "name") == DocxMatrixAppendix.Bookmark)?.Parent;
        return heading?.ElementsAfterSelf(W + "tbl").FirstOrDefault();
    }

    [Fact]
    public void The_sample_set_asks_for_it_and_the_cps_gets_a_linked_table_with_a_repeating_header()
    {
        var c = Sample();
        Assert.True(c.Published!.Set.Info.Matrix.DocxAppendix);
        var doc = c.Published!.Set.Find("cps")!;
        var docx = DocxRenderer.Render(c.Published!.Of(doc));
        var table = AppendixTable(DocumentXml(docx));
        Assert.NotNull(table);
        var rows = table.Elements(W + "tr").ToList();
        Assert.NotNull(rows[0].Element(W + "trPr")?.Element(W + "tblHeader"));
        Assert.Equal(["Id", "Chapter", "Recommendation", "Kind", "Level", "Status", "Addressed in"],
            rows[0].Elements(W + "tc").Select(tc => string.Concat(tc.Descendants(W + "t").Select(t => t.Value))));
        var expected = DocxMatrixAppendix.RowsFor(c.Published!.Matrix, "cps");
        Assert.Equal(expected.Count, rows.Count - 1);
        Assert.Equal(expected.Select(r => r.Recommendation.Id), rows.Skip(1).Select(r => string.Concat(r.Elements(W + "tc").First().Descendants(W + "t").Select(t => t.Value))));

        // HIER-02 is addressed in cps:1.3.1 and cps:6.2.8: both link to this document's section bookmarks.
        var hier2 = rows.Single(r => r.Elements(W + "tc").First().Value == "HIER-02");
        var anchors = hier2.Elements(W + "tc").Last().Descendants(W + "hyperlink").Select(h => (string?)h.Attribute(W + "anchor")).ToList();
        Assert.Equal(["_S1_3_1", "_S6_2_8"], anchors);
        var bookmarks = DocumentXml(docx).Descendants(W + "bookmarkStart").Select(b => (string?)b.Attribute(W + "name")).ToHashSet();
        Assert.Contains("_S6_2_8", bookmarks);
        Assert.Empty(DocxTestKit.Problems(docx));
    }

    [Fact]
    public void A_section_of_another_document_is_named_not_linked()
    {
        var c = Sample();
        var docx = DocxRenderer.Render(c.Published!.Of(c.Published!.Set.Find("cp")!));
        var rows = AppendixTable(DocumentXml(docx))!.Elements(W + "tr").Skip(1).ToList();
        var hier2 = rows.Single(r => r.Elements(W + "tc").First().Value == "HIER-02");
        var cell = hier2.Elements(W + "tc").Last();
        Assert.Empty(cell.Descendants(W + "hyperlink"));
        Assert.Equal("cps:1.3.1, cps:6.2.8", string.Concat(cell.Descendants(W + "t").Select(t => t.Value)));
    }

    [Fact]
    public void Without_the_setting_there_is_no_appendix()
    {
        var c = Sample();
        var set = c.Published!.Set;
        var offSet = new PolicySet(set.Info with { Matrix = new MatrixSettings(false) }, set.Data, set.Documents, set.Root);
        var off = DocumentPublisher.Publish(offSet, c.Published!.Xrefs, c.Templates, c.Published!.Matrix, c.Published!.Recommendations);
        var xml = DocumentXml(DocxRenderer.Render(off.Find("cps")!));
        Assert.Null(AppendixTable(xml));
        Assert.DoesNotContain(ContentsEntries(xml), e => e.Anchor == DocxMatrixAppendix.Bookmark);
    }

    private static List<(string? Anchor, string Text, string? Style)> ContentsEntries(XDocument xml) =>
        [.. xml.Descendants(W + "sdtContent").Single().Elements(W + "p")
            .Where(p => p.Element(W + "hyperlink") is not null)
            .Select(p => ((string?)p.Element(W + "hyperlink")!.Attribute(W + "anchor"), string.Concat(p.Descendants(W + "t").Select(t => t.Value)),
                (string?)p.Element(W + "pPr")?.Element(W + "pStyle")?.Attribute(W + "val")))];

    [Fact]
    public void The_appendix_is_the_last_entry_of_the_contents()
    {
        var c = Sample();
        var xml = DocumentXml(DocxRenderer.Render(c.Published!.Of(c.Published!.Set.Find("cps")!)));
        Assert.Equal((DocxMatrixAppendix.Bookmark, "Recommendations by impact level", "TOC1"), ContentsEntries(xml)[^1]);
        Assert.Single(ContentsEntries(xml), e => e.Anchor == DocxMatrixAppendix.Bookmark);
    }

    [Fact]
    public void The_table_is_set_in_9_pt_at_widths_that_keep_every_word_whole()
    {
        var c = Sample();
        var docx = DocxRenderer.Render(c.Published!.Of(c.Published!.Set.Find("cps")!));
        var table = AppendixTable(DocumentXml(docx))!;
        Assert.Equal("fixed", (string?)table.Element(W + "tblPr")!.Element(W + "tblLayout")!.Attribute(W + "type"));
        var grid = table.Element(W + "tblGrid")!.Elements(W + "gridCol").Select(g => (int)g.Attribute(W + "w")!).ToList();
        Assert.Equal(11906 - 1247 - 1247, grid.Sum());
        Assert.All(table.Descendants(W + "r"), r => Assert.Equal("18", (string?)r.Element(W + "rPr")?.Element(W + "sz")?.Attribute(W + "val")));
        foreach (var row in table.Elements(W + "tr"))
        {
            Assert.NotNull(row.Element(W + "trPr")?.Element(W + "cantSplit"));
            var cells = row.Elements(W + "tc").ToList();
            for (var i = 0; i < cells.Count; i++)
            {
                // 0.42 em (at 9 pt, 75 twips) a character, less than the body font's average letter, plus the cell
                // margins: a lower bound of the word's width (the equal shares the table had before were below it).
                var longest = string.Concat(cells[i].Descendants(W + "t").Select(t => t.Value)).Split(' ').Max(w => w.Length);
                Assert.True(grid[i] >= longest * 75 + 216, $"column {i} ({grid[i]} twips) is narrower than a word of {longest} characters");
            }
        }
    }
}
