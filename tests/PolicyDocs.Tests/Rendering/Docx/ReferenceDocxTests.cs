using Xunit;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using PolicyDocs.Rendering.Docx;

namespace PolicyDocs.Tests.Rendering.Docx;

public sealed class ReferenceDocxTests
{
    [Fact]
    public void CommittedReferenceDocumentMatchesTheGenerator()
    {
        var path = Path.Combine(Support.Run.RepoRoot(), "templates", "docx", "reference.docx");
        var generated = ReferenceDocxGenerator.Generate();
        if (Environment.GetEnvironmentVariable("POLICYDOCS_UPDATE_GOLDEN") == "1") File.WriteAllBytes(path, generated);
        Assert.True(File.Exists(path), "templates/docx/reference.docx is missing; run the tests with POLICYDOCS_UPDATE_GOLDEN=1.");
        Assert.Equal(generated, File.ReadAllBytes(path));
    }

    [Fact]
    public void ReferenceDocumentHasEveryStyleTheWriterUsesAndIsValid()
    {
        var bytes = new PolicyDocs.Templates.TemplateStore(null).ReadBytes("docx/reference.docx");
        Assert.NotNull(bytes);
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var ids = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().Select(s => s.StyleId!.Value).ToHashSet();
        foreach (var id in new[] { "Normal", "Title", "Subtitle", "Heading1", "Heading9", "TOC1", "TOC3", "TOCHeading", "Hyperlink", "TableGrid", "SourceCode", "Quote", "FootnoteText", "FootnoteReference", "Header", "Footer" })
            Assert.Contains(id, ids);
        var size = doc.MainDocumentPart.Document!.Body!.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        Assert.Equal(11906u, size.Width!.Value);
        Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(doc, TestContext.Current.CancellationToken));
    }
}
