using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyDocs.Model;
using PolicyDocs.Rendering.Docx;
using PolicyDocs.Tests.Rendering.Docx;
using PolicyDocs.Tests.Support;
using Xunit;

namespace PolicyDocs.Tests.Checks;

public sealed class MarkdownContentCheckTests : IDisposable
{
    private readonly DocxTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    /// <summary>The single-file CP (doc.md) and the files beside it, written to the kit's folder by <see cref="Compile"/>.</summary>
    private readonly PolicySetBuilder _set = PolicySetBuilder.SingleFile("doc.md", "");

    private (PolicyDocs.Compiling.Compilation, byte[]) Compile(string body)
    {
        var path = _set.Set("doc.md", "---\nid: t\nkind: cp\ntitle: T\nversion: \"1\"\n---\n# 1. Introduction\n\n## 1.1 Overview\n\n" + body + "\n").WriteTo(_kit.Root);
        var c = DocxTestKit.Compile(path);
        return (c, DocxRenderer.Render(c.Published!.Of(c.Published!.Set.Documents[0])));
    }

    [Fact]
    public void RaggedTableRowsAreAWarningAndArePaddedInWord()
    {
        var (c, docx) = Compile("| A | B | C |\n|---|---|---|\n| 1 | 2 |\n| 3 | 4 | 5 |\n| 6 | 7 | 8 | 9 |\n");
        var ragged = c.Diagnostics.Where(d => d.Rule == Rules.RaggedTable).ToList();
        Assert.Equal(2, ragged.Count);
        var d = ragged[0];
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(13, d.Span.Line); // the "| 1 | 2 |" row
        Assert.Empty(DocxTestKit.Problems(docx));
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var table = word.MainDocumentPart!.Document!.Body!.Elements<Table>().Last();
        Assert.All(table.Elements<TableRow>(), r => Assert.Equal(4, r.Elements<TableCell>().Count()));
    }

    [Fact]
    public void RowsOfBlankCellsAreNotRaggedAndARaggedRowIsReportedAtItsOwnLine()
    {
        // doc.md: front matter (6 lines), "# 1. Introduction", blank, "## 1.1 Overview", blank: the body starts at line 11.
        var (c, _) = Compile("| A | B | C |\n| --- | --- | --- |\n|   |   |   |\n| a | b | c |\n|   |   |   |\n| d | e |\n|   |   |   |\n");
        var d = Assert.Single(c.Diagnostics, d => d.Rule == Rules.RaggedTable);
        Assert.Equal(16, d.Span.Line); // "| d | e |"
        Assert.Equal(1, d.Span.Column);
        Assert.Contains("2 cells", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingImageIsAnErrorAndExistingImageIsNot()
    {
        _set.WithBytes("logo.png", PolicyDocs.Tests.Support.PngWriter.Blank());
        var (c, docx) = Compile("![Logo](logo.png) and ![Gone](images/gone.png)");
        var d = Assert.Single(c.Diagnostics, d => d.Rule == Rules.MissingImage);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Contains("images/gone.png", d.Message, StringComparison.Ordinal);
        Assert.Empty(DocxTestKit.Problems(docx));
    }

    [Fact]
    public void RawHtmlIsAWarningAndShownAsText()
    {
        // <mark> is allowed on the site, but Word has no formatting for it (unlike <b>, <sup> and the like).
        var (c, docx) = Compile("Text with <mark>marked</mark> tags.\n\n<div class=\"x\">\nblock\n</div>\n\n<!-- a comment is fine -->");
        var found = c.Diagnostics.Where(d => d.Rule == Rules.RawHtml).ToList();
        Assert.Equal(3, found.Count);
        Assert.All(found, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.Empty(DocxTestKit.Problems(docx));
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Text with <mark>marked</mark> tags.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("a comment is fine", text, StringComparison.Ordinal);
    }
}
