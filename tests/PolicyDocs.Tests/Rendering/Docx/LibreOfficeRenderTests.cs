using PolicyDocs.Benchmarks;
using PolicyDocs.Rendering.Docx;
using PolicyDocs.Tests.Support;
using Xunit;

namespace PolicyDocs.Tests.Rendering.Docx;

/// <summary>Converts a produced document to PDF with headless LibreOffice and reads the text back with pdftotext.</summary>
public sealed class LibreOfficeRenderTests : IDisposable
{
    private readonly DocxTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    private static (int Code, string Out) Run(string file, params string[] args)
    {
        var (code, stdout, stderr) = Tool.Run(file, args);
        return (code, stdout + stderr);
    }

    [Fact]
    public void RendersInLibreOfficeWithEverySectionTitle()
    {
        var soffice = Tool.OnPath("soffice");
        var pdftotext = Tool.OnPath("pdftotext");
        if (soffice is null || pdftotext is null)
            Assert.Skip("LibreOffice (soffice) or pdftotext is not installed; CI installs them.");

        var c = DocxTestKit.Compile(PolicySetBuilder.SingleFile("CP-CPS.md", SyntheticPolicySet.Generate(1)).WriteTo(_kit.Root));
        var doc = c.Published!.Set.Documents[0];
        var docx = Path.Combine(_kit.Root, "out.docx");
        File.WriteAllBytes(docx, DocxRenderer.Render(c.Published!.Of(doc)));
        var profile = "file://" + Path.Combine(_kit.Root, "lo-profile");
        var (code, log) = Run(soffice, "-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf", "--outdir", _kit.Root, docx);
        var pdf = Path.Combine(_kit.Root, "out.pdf");
        Assert.True(code == 0 && File.Exists(pdf), "soffice failed: " + log);

        var (_, info) = Run("pdfinfo", pdf);
        var pages = int.Parse(info.Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(pages, 40, 400);

        var (_, text) = Run(pdftotext, pdf, "-");
        var flat = string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t', '\f'], StringSplitOptions.RemoveEmptyEntries));
        var missing = doc.AllSections.Where(s => !flat.Contains(s.DisplayTitle, StringComparison.Ordinal)).Select(s => s.DisplayTitle).ToList();
        Assert.True(missing.Count == 0, "Missing in PDF: " + string.Join("; ", missing.Take(10)));
        // The cover has no header and no footer; the page after it is numbered 2 of all of them.
        Assert.Contains($"Page 2 of {pages}", flat, StringComparison.Ordinal);
        Assert.Contains("DRAFT", flat, StringComparison.Ordinal);
        var (_, cover) = Run(pdftotext, "-f", "1", "-l", "1", pdf, "-");
        Assert.DoesNotContain("Page 1 of", cover, StringComparison.Ordinal);
        Assert.DoesNotContain("Version 2.1 \u00B7 DRAFT", cover, StringComparison.Ordinal);
        var (_, second) = Run(pdftotext, "-f", "2", "-l", "2", pdf, "-");
        Assert.Contains("Version 2.1 \u00B7 DRAFT", second, StringComparison.Ordinal);
    }
}
