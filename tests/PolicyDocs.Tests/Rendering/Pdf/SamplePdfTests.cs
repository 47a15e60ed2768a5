using System.Text;
using System.Text.RegularExpressions;
using PolicyDocs.Pipeline;
using PolicyDocs.Publication;
using PolicyDocs.Rendering.Pdf;
using PolicyDocs.Tests.Support;
using Xunit;

namespace PolicyDocs.Tests.Rendering.Pdf;

/// <summary>The sample set built with its PDFs, once for the tests below (LibreOffice takes seconds per document).</summary>
public sealed class SamplePdfBuild : IDisposable
{
    private readonly SampleCopy _sample = new();

    public SamplePdfBuild()
    {
        Office = LibreOffice.Find();
        Pdftotext = Tool.OnPath("pdftotext");
        if (Office is null || Pdftotext is null) return;
        Published = Run.Compile(_sample.Content).Published!;
        Site = SiteBuilder.Build(Published, null, wordDownloads: true, new PdfDownloads(Office));
    }

    internal LibreOffice? Office { get; }
    public string? Pdftotext { get; }
    internal PublishedSet? Published { get; }
    internal SiteBuild? Site { get; }

    /// <summary>Skips the calling test when LibreOffice or pdftotext is missing.</summary>
    public void RequireTools()
    {
        if (Office is null || Pdftotext is null)
            Assert.Skip("LibreOffice (soffice) or pdftotext (poppler-utils) is not installed; CI installs libreoffice-writer-nogui and poppler-utils.");
    }

    /// <summary>The text of each page of the PDF at <paramref name="path"/> in the output.</summary>
    public string[] Pages(string path) => PdfContents.Pages(Pdftotext!, Site!.Output.Get(path)!, _sample.Root);

    public void Dispose() => _sample.Dispose();
}

/// <summary>
/// The PDFs of the sample read back as a reader sees them: every document has one beside its Word file, listed and
/// linked; every contents entry gives the page its heading is on; later pages carry the running header and
/// "Page X of Y"; the contents and cross-references are working internal links.
/// </summary>
public sealed class SamplePdfTests(SamplePdfBuild build) : IClassFixture<SamplePdfBuild>
{
    private const string Cps = "downloads/cps-1.1.pdf";

    [Fact]
    public void Every_document_has_a_pdf_beside_its_word_file_listed_and_linked()
    {
        build.RequireTools();
        var site = build.Site!;
        Assert.DoesNotContain(site.Diagnostics, d => d.Code == "PD0403");
        var sums = Encoding.UTF8.GetString(site.Output.Get("SHA256SUMS")!);
        var home = Encoding.UTF8.GetString(site.Output.Get("index.html")!);
        foreach (var d in build.Published!.Set.Documents)
        {
            var pdf = $"downloads/{d.Id}-{d.Info.VersionKey}.pdf";
            Assert.True(site.Output.Contains(pdf), pdf + " is missing");
            Assert.True(site.Output.Get(pdf)!.AsSpan().StartsWith("%PDF-"u8));
            Assert.Contains("  " + pdf + "\n", sums, StringComparison.Ordinal);
            Assert.Contains($"href=\"{pdf}\"", home, StringComparison.Ordinal);
            Assert.Contains($"href=\"../{pdf}\"", Encoding.UTF8.GetString(site.Output.Get($"{d.Id}/index.html")!), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_contents_entry_gives_the_page_its_heading_is_on()
    {
        build.RequireTools();
        var doc = build.Published!.Find("cps")!.Document;
        PdfContents.AssertEntriesOnTheirPages(build.Pages(Cps), doc.AllSections.Count(s => s.Depth <= 3));
    }

    [Fact]
    public void Later_pages_carry_the_running_header_and_page_x_of_y()
    {
        build.RequireTools();
        var pages = build.Pages(Cps);
        var info = build.Published!.Find("cps")!.Document.Info;
        var header = $"{info.ShortTitle} \u00B7 Version {info.Version}";
        for (var i = 1; i < pages.Length; i++)
        {
            Assert.True(pages[i].Contains(header, StringComparison.Ordinal), $"page {i + 1} has no running header '{header}'");
            Assert.True(PdfContents.Flat(pages[i]).Contains($"Page {i + 1} of {pages.Length}", StringComparison.Ordinal), $"page {i + 1} has no 'Page {i + 1} of {pages.Length}'");
        }
    }

    [Fact]
    public void The_cover_has_no_running_header()
    {
        build.RequireTools();
        var cover = build.Pages(Cps)[0];
        var info = build.Published!.Find("cps")!.Document.Info;
        Assert.DoesNotContain($"{info.ShortTitle} \u00B7 Version", cover, StringComparison.Ordinal);
        Assert.Contains(info.Title, PdfContents.Flat(cover), StringComparison.Ordinal);
    }

    [Fact]
    public void Contents_and_cross_references_are_internal_links()
    {
        build.RequireTools();
        var pdf = Encoding.Latin1.GetString(build.Site!.Output.Get(Cps)!);
        // LibreOffice writes its annotations as plain objects: a link to a place in the document has a /Dest.
        var internalLinks = pdf.Split("endobj").Count(o => o.Contains("/Subtype/Link", StringComparison.Ordinal) && o.Contains("/Dest[", StringComparison.Ordinal));
        var sections = build.Published!.Find("cps")!.Document.AllSections.Count(s => s.Depth <= 3);
        Assert.True(internalLinks >= sections, $"{internalLinks} internal links for {sections} contents entries");
        Assert.Contains("/Outlines", pdf, StringComparison.Ordinal); // the bookmarks pane
        // A link to the other document stays relative: it leads to the file beside the PDF, not where it was printed.
        Assert.Contains("/URI(cp-1.1.docx)", pdf, StringComparison.Ordinal);
        Assert.DoesNotContain("file:", pdf, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_word_file_gives_the_same_pdf()
    {
        build.RequireTools();
        var docx = build.Site!.Output.Get("downloads/cps-1.1.docx")!;
        var output = new PolicyDocs.Output.OutputSet();
        var diagnostics = new PolicyDocs.Model.DiagnosticBag();
        var date = build.Published!.Find("cps")!.Cover.EffectiveDate;
        PdfRenderer.Render([new PdfJob("downloads/cps-1.1.docx", docx, date, PolicyDocs.Model.SourceSpan.File("x"))], build.Office, output, diagnostics, PolicyDocs.Model.SourceSpan.File("x"));
        Assert.Empty(diagnostics.ToSortedList());
        Assert.Equal(build.Site.Output.Get(Cps), output.Get(Cps));
    }
}
