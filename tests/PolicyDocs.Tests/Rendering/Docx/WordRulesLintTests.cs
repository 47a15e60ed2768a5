using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyDocs.Rendering.Docx;
using Xunit;

namespace PolicyDocs.Tests.Rendering.Docx;

public sealed class WordRulesLintTests
{
    private const string Ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    private static byte[] Docx(string bodyXml)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal" });
            main.Document = new Document(new Body(bodyXml));
        }
        return stream.ToArray();
    }

    private static int[] Checks(string innerBody) =>
        [.. WordRulesLint.Check(Docx($"<w:body {Ns}>{innerBody}</w:body>")).Select(f => f.Check).Distinct().Order()];

    [Theory]
    [InlineData("<w:p><w:del w:id=\"1\" w:author=\"a\"><w:r><w:t>x</w:t></w:r></w:del></w:p>", 1)]
    [InlineData("<w:p><w:r><w:delText>x</w:delText></w:r></w:p>", 1)]
    [InlineData("<w:p><w:ins w:id=\"1\" w:author=\"a\"><w:r><w:t>x</w:t></w:r></w:ins><w:ins w:id=\"1\" w:author=\"a\"><w:r><w:t>y</w:t></w:r></w:ins></w:p>", 2)]
    [InlineData("<w:p><w:bookmarkStart w:id=\"1\" w:name=\"b\"/><w:ins w:id=\"1\" w:author=\"a\"><w:r><w:t>x</w:t></w:r></w:ins><w:bookmarkEnd w:id=\"1\"/></w:p>", 2)]
    [InlineData("<w:p><w:ins w:id=\"1\" w:author=\"a\"><w:ins w:id=\"2\" w:author=\"a\"><w:r><w:t>x</w:t></w:r></w:ins></w:ins></w:p>", 3)]
    [InlineData("<w:p><w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>y</w:delText></w:r></w:del><w:r><w:t>x</w:t><w:delText>y</w:delText></w:r></w:p>", 4)]
    [InlineData("<w:p><w:pPr><w:rPr><w:del w:id=\"1\" w:author=\"a\"/></w:rPr></w:pPr></w:p>", 5)]
    [InlineData("<w:tbl><w:tr><w:tc></w:tc></w:tr></w:tbl><w:p/>", 6)]
    [InlineData("<w:p><w:hyperlink w:anchor=\"nowhere\"><w:r><w:t>x</w:t></w:r></w:hyperlink></w:p>", 7)]
    [InlineData("<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGEREF nowhere \\h</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>", 7)]
    [InlineData("<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>", 8)]
    [InlineData("<w:p><w:fldSimple w:instr=\"PAGE\"/></w:p>", 8)]
    [InlineData("<w:p><w:pPr><w:pStyle w:val=\"Missing\"/></w:pPr></w:p>", 9)]
    [InlineData("<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"7\"/></w:numPr></w:pPr></w:p>", 9)]
    [InlineData("<w:p/><w:sectPr xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:headerReference w:type=\"default\" r:id=\"x\"/></w:sectPr>", 10)]
    public void FlagsEachWordRule(string body, int check) => Assert.Contains(check, Checks(body));

    [Fact]
    public void AcceptsCorrectMarkup() =>
        Assert.Empty(Checks("<w:p><w:bookmarkStart w:id=\"0\" w:name=\"_S1\"/><w:r><w:t>t</w:t></w:r><w:bookmarkEnd w:id=\"0\"/></w:p>"
                            + "<w:p><w:hyperlink w:anchor=\"_S1\"><w:r><w:t>x</w:t></w:r></w:hyperlink><w:del w:id=\"10\" w:author=\"a\"><w:r><w:delText>y</w:delText></w:r></w:del>"
                            + "<w:fldSimple w:instr=\" PAGEREF _S1 \"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>"));
}
