using PolicyDocs.Pipeline;
using PolicyDocs.Rendering.Pdf;
using PolicyDocs.Tests.Support;
using Xunit;

namespace PolicyDocs.Tests.Rendering.Pdf;

/// <summary>A Word redline printed as PDF: beside the Word file under the same name, the deleted and inserted words
/// both shown, and the contents numbered from the real layout.</summary>
public sealed class RedlinePdfTests : IDisposable
{
    private readonly SampleCopy _old = new();
    private readonly SampleCopy _new = new();

    public void Dispose()
    {
        _old.Dispose();
        _new.Dispose();
    }

    [Fact]
    public void The_redline_of_a_changed_document_has_a_pdf_showing_both_versions_words()
    {
        var pdftotext = Tool.OnPath("pdftotext");
        if (LibreOffice.Find() is null || pdftotext is null)
            Assert.Skip("LibreOffice (soffice) or pdftotext (poppler-utils) is not installed; CI installs libreoffice-writer-nogui and poppler-utils.");
        _new.Edit("documents/cps/04-certificate-life-cycle-operational-requirements.md",
            s => s.Replace("revokes a certificate in the portal", "revokes a certificate in the self-service portal"));

        var result = PolicyPipeline.Diff(new ComparedVersion(_old.Content, "old"), new ComparedVersion(_new.Content, "new"),
            new CompareOptions(Document: "cps", Word: true, Pdf: true));
        Assert.Equal(CompareOutcome.Compared, result.Outcome);
        Assert.Empty(result.PdfFindings);
        var (wordName, _) = Assert.Single(result.Word!);
        var (pdfName, pdf) = Assert.Single(result.Pdf!);
        Assert.Equal(wordName[..^".docx".Length] + ".pdf", pdfName);
        Assert.EndsWith("-redline.pdf", pdfName, StringComparison.Ordinal);

        var pages = PdfContents.Pages(pdftotext!, pdf, _new.Root);
        var text = PdfContents.Flat(string.Join(' ', pages));
        Assert.Contains("revokes a certificate in the self-service portal", text, StringComparison.Ordinal);
        PdfContents.AssertEntriesOnTheirPages(pages, result.New!.Published!.Find("cps")!.Document.AllSections.Count(s => s.Depth <= 3));
    }
}
